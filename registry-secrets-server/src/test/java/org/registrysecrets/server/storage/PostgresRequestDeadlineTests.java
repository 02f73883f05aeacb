package org.registrysecrets.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.OnPostgres;
import org.registrysecrets.server.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A write held up past its request's deadline (here by a row lock another transaction keeps) is
 * rolled back when it finally gets its turn: what its client gave up on is never applied later.
 */
@OnPostgres
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "regsecrets.api.request-deadline=1s")
class PostgresRequestDeadlineTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final java.nio.file.Path DATA_DIR = TestData.newDataDir("deadline");

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
  }

  @Test
  void aWriteThatMissesItsDeadlineIsNeverApplied() throws Exception {
    ApiClient api = new ApiClient(port);
    String admin = api.token(TestData.bootstrapKey(DATA_DIR));
    String tenant = "deadline-" + UUID.randomUUID();
    ApiClient.Response key =
        api.post(
            "/platform/v1/service-keys",
            admin,
            "{\"tenant\":\"" + tenant + "\",\"role\":\"editor\"}");
    String token =
        api.token(
            ApiClient.JSON.readValue(key.body(), org.registrysecrets.api.wire.ServiceKey.class));
    assertThat(
            api.post(SECRETS, token, createBody("slow", dockerConfig("r.io", "u", "p"))).status())
        .isEqualTo(202);

    try (Connection blocker = dataSource.getConnection()) {
      // Given another transaction holds the secret's row
      blocker.setAutoCommit(false);
      try (PreparedStatement lock =
          blocker.prepareStatement(
              "select version from docker_registry_secret where tenant = ? and name = ? for update")) {
        lock.setString(1, tenant);
        lock.setString(2, "slow");
        lock.executeQuery().close();
      }

      // When a client gives up on its edit after a second
      HttpRequest edit =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + SECRETS + "/slow"))
              .timeout(Duration.ofSeconds(1))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .method(
                  "PATCH",
                  HttpRequest.BodyPublishers.ofString(patchBody(dockerConfig("r.io", "u", "late"))))
              .build();
      assertThatThrownBy(
              () -> HttpClient.newHttpClient().send(edit, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(HttpTimeoutException.class);
      Thread.sleep(1500);
      blocker.rollback();
    }

    // Then the edit, which got the row after its deadline, was rolled back
    Thread.sleep(1000);
    assertThat(api.get(SECRETS + "/slow", token).header("ETag")).isEqualTo("\"1\"");
    assertThat(
            jdbc.sql("select count(*) from audit_event where tenant = ? and action = 'modify'")
                .param(tenant)
                .query(Long.class)
                .single())
        .isZero();
  }
}
