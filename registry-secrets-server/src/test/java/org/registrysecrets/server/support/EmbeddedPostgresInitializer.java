package org.registrysecrets.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's application context at a fresh database in a real PostgreSQL that runs inside the
 * test JVM (started once, stopped when the JVM exits). Nothing to install, no Docker.
 */
public class EmbeddedPostgresInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static EmbeddedPostgres postgres;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String database = "t_" + UUID.randomUUID().toString().replace("-", "");
    EmbeddedPostgres server = server();
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database", e);
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embeddedPostgres",
                Map.of(
                    "spring.datasource.url",
                    server.getJdbcUrl("postgres", database),
                    "spring.datasource.username",
                    "postgres",
                    "spring.datasource.password",
                    "",
                    "spring.datasource.hikari.connection-init-sql",
                    "SET synchronous_commit TO on")));
  }

  /** The one PostgreSQL server of this JVM. */
  public static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // the JVM is exiting anyway
                    }
                  }));
    }
    return postgres;
  }
}
