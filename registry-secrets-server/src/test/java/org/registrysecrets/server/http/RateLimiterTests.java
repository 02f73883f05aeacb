package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.registrysecrets.server.support.EmbeddedPostgresInitializer;
import org.springframework.jdbc.core.simple.JdbcClient;

class RateLimiterTests {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final RateLimiter limiter = new RateLimiter(2, new LocalTokenBuckets(2, 3), "", now::get);

  @Test
  void allowsTheBurstThenRefillsAtTheRate() {
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);

    now.addAndGet(500);

    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isPositive();
  }

  @Test
  void keepsKeysApart() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("noisy");
    }

    assertThat(limiter.acquire("noisy")).isPositive();
    assertThat(limiter.acquire("quiet")).isZero();
  }

  @Test
  void zeroMeansUnlimited() {
    RateLimiter unlimited = new RateLimiter(0, new LocalTokenBuckets(0, 0), "", now::get);

    for (int i = 0; i < 1000; i++) {
      assertThat(unlimited.acquire("a")).isZero();
    }
  }

  /** Three replicas, each with its own limiter, on one database: together they keep one limit. */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void replicasShareOneLimitThroughTheDatabase(String database) throws Exception {
    JdbcClient jdbc = JdbcClient.create(migrated(database));
    RateLimiter[] replicas = new RateLimiter[3];
    for (int i = 0; i < replicas.length; i++) {
      replicas[i] =
          new RateLimiter(100, new SharedTokenBuckets(jdbc, 100, 50), "tenant:", now::get);
    }

    // Given a burst of 50 and 100 per second, 2 s of requests spread over three replicas
    int admitted = 0;
    for (int tick = 0; tick < 200; tick++) {
      now.addAndGet(10);
      for (int request = 0; request < 5; request++) {
        if (replicas[(tick + request) % 3].acquire("acme") == 0) {
          admitted++;
        }
      }
    }

    // Then at most burst + rate * (2 s + 1 s of borrowed tokens), and not far below burst + 2 s
    assertThat(admitted).isBetween(50 + 200 - 3 * 5, 50 + 300);
    assertThat(replicas[0].acquire("other-tenant")).isZero();
  }

  private static DataSource migrated(String database) throws Exception {
    DataSource dataSource;
    String name = "rl_" + UUID.randomUUID().toString().replace("-", "");
    if (database.equals("h2")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
      dataSource = h2;
    } else {
      var postgres = EmbeddedPostgresInitializer.server();
      try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
        admin.createStatement().execute("create database " + name);
      }
      dataSource = postgres.getDatabase("postgres", name);
    }
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }
}
