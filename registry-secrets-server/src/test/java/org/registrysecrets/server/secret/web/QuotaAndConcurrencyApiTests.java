package org.registrysecrets.server.secret.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.Concurrently;
import org.registrysecrets.server.support.TestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The per-tenant quota (set to 3 here) and optimistic locking, under concurrent requests. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "regsecrets.secrets.max-count=3")
class QuotaAndConcurrencyApiTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final java.nio.file.Path DATA_DIR = TestData.newDataDir("quota");

  @LocalServerPort int port;

  private ApiClient api;
  private String editor;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
  }

  @BeforeEach
  void tenant() {
    api = new ApiClient(port);
    editor = editorOfNewTenant();
  }

  private String editorOfNewTenant() {
    String admin = api.token(TestData.bootstrapKey(DATA_DIR));
    Response key =
        api.post(
            "/platform/v1/service-keys",
            admin,
            "{\"tenant\":\"quota-" + UUID.randomUUID() + "\",\"role\":\"editor\"}");
    return api.token(
        ApiClient.JSON.readValue(key.body(), org.registrysecrets.api.wire.ServiceKey.class));
  }

  @Test
  void refusesTheSecretBeyondTheQuotaWith429() {
    for (String name : List.of("q-one", "q-two", "q-three")) {
      assertThat(api.post(SECRETS, editor, body(name)).status()).isEqualTo(202);
    }

    Response fourth = api.post(SECRETS, editor, body("q-four"));

    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.errorCode()).isEqualTo("QuotaExceeded");
    assertThat(api.get(SECRETS + "/q-four", editor).status()).isEqualTo(404);
    assertThat(
            api.get("/v2/admin/resourceQuota/dockerRegistrySecrets", editor)
                .json()
                .get("quota")
                .get("maxCount")
                .asInt())
        .isEqualTo(3);
    assertThat(api.delete(SECRETS + "/q-one", editor).status()).isEqualTo(202);
    assertThat(api.post(SECRETS, editor, body("q-four")).status()).isEqualTo(202);
  }

  @Test
  void concurrentCreatesNeverExceedTheQuota() throws Exception {
    List<Callable<Integer>> creates = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String name = "race-" + i;
      creates.add(() -> api.post(SECRETS, editor, body(name)).status());
    }

    List<Integer> statuses = Concurrently.run(creates);

    assertThat(statuses).containsOnly(202, 429);
    assertThat(statuses.stream().filter(s -> s == 202)).hasSize(3);
    assertThat(api.get(SECRETS + "?$count=true", editor).json().get("count").asInt()).isEqualTo(3);
  }

  /** A tenant's first creates race to make its quota counter; none may be refused for it. */
  @Test
  void concurrentFirstCreatesOfFreshTenantsAreNeverRefusedBelowTheQuota() throws Exception {
    List<Callable<Integer>> creates = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String token = editorOfNewTenant();
      for (int i = 0; i < 3; i++) {
        String name = "first-" + i;
        creates.add(() -> api.post(SECRETS, token, body(name)).status());
      }
    }

    assertThat(Concurrently.run(creates)).containsOnly(202);
  }

  @Test
  void concurrentConditionalEditsLetExactlyOneWin() throws Exception {
    assertThat(api.post(SECRETS, editor, body("contended")).status()).isEqualTo(202);
    String etag = api.get(SECRETS + "/contended", editor).header("ETag");
    List<Callable<Integer>> edits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String config = patchBody(dockerConfig("r.io", "user", "password-" + i));
      edits.add(() -> api.patch(SECRETS + "/contended", editor, config, "If-Match", etag).status());
    }

    List<Integer> statuses = Concurrently.run(edits);

    assertThat(statuses.stream().filter(s -> s == 202)).hasSize(1);
    assertThat(statuses.stream().filter(s -> s == 412)).hasSize(7);
    assertThat(api.get(SECRETS + "/contended", editor).header("ETag")).isEqualTo("\"2\"");
  }

  @Test
  void concurrentUnconditionalEditsAllLandInOrder() throws Exception {
    assertThat(api.post(SECRETS, editor, body("last-wins")).status()).isEqualTo(202);
    List<Callable<Integer>> edits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String config = patchBody(dockerConfig("r.io", "user", "password-" + i));
      edits.add(() -> api.patch(SECRETS + "/last-wins", editor, config).status());
    }

    assertThat(Concurrently.run(edits)).containsOnly(202);
    assertThat(api.get(SECRETS + "/last-wins", editor).header("ETag")).isEqualTo("\"9\"");
  }

  private static String body(String name) {
    return createBody(name, dockerConfig("r.example.com", "user", "pw"));
  }
}
