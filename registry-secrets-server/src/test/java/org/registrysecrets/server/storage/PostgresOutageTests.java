package org.registrysecrets.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.RegistrySecretsApplication;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.TestData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL goes away under a running server and comes back: meanwhile every call that needs it is
 * a 503 with {@code Retry-After} and health is DOWN; afterwards the server serves again by itself,
 * with nothing lost.
 */
class PostgresOutageTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
    Path pgData = TestData.newDataDir("outage-pg");
    int pgPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      pgPort = socket.getLocalPort();
    }
    EmbeddedPostgres postgres = start(pgData, pgPort);
    Path dataDir = TestData.newDataDir("outage");
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(RegistrySecretsApplication.class)
            .run(
                "--server.port=0",
                "--regsecrets.data-dir=" + dataDir,
                "--regsecrets.issuer.revocation-cache-ttl=0s",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.connection-init-sql=SET synchronous_commit TO on")) {
      ApiClient api =
          new ApiClient(((WebServerApplicationContext) server).getWebServer().getPort());
      String token = api.token(TestData.bootstrapKey(dataDir));
      assertThat(api.post(SECRETS, token, body("before")).status()).isEqualTo(202);

      // Given the database is gone
      postgres.close();

      // Then every call that needs it says so, quickly, and changes nothing
      for (Response response :
          new Response[] {
            api.post(SECRETS, token, body("during")),
            api.get(SECRETS, token),
            api.tokenResponse(
                TestData.bootstrapKey(dataDir).clientid(),
                TestData.bootstrapKey(dataDir).clientsecret())
          }) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isNotBlank();
      }
      assertThat(api.get("/actuator/health", null).status()).isEqualTo(503);

      // When it is back, the server serves again on its own
      postgres = start(pgData, pgPort);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      int status = 0;
      while (Instant.now().isBefore(deadline) && status != 202) {
        status = api.post(SECRETS, token, body("after")).status();
        Thread.sleep(200);
      }
      assertThat(status).isEqualTo(202);
      assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
      assertThat(api.get(SECRETS + "/before", token).status()).isEqualTo(200);
      assertThat(api.get(SECRETS + "/during", token).status()).isEqualTo(404);
    } finally {
      postgres.close();
    }
  }

  private static EmbeddedPostgres start(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static String body(String name) {
    return createBody(name, dockerConfig("r.io", "u", "p"));
  }
}
