package org.registrysecrets.server.secret.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.nio.file.Path;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.DockerRegistryProcess;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.support.TlsMaterial;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code ?verify=true}, {@code /verify} and {@code /pull-check} over real HTTP, against Debian's
 * docker-registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CredentialCheckApiTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final Path DATA_DIR = TestData.newDataDir("verify");
  private static final TlsMaterial TLS = TlsMaterial.create();
  private static final DockerRegistryProcess REGISTRY = DockerRegistryProcess.start(TLS);

  @LocalServerPort int port;
  private ApiClient api;
  private String editor;
  private String viewer;

  @DynamicPropertySource
  static void verification(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.verify.allowed-hosts", () -> "127.0.0.1:" + REGISTRY.port());
    registry.add("regsecrets.verify.ca-file", () -> TLS.certificate().toString());
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    REGISTRY.close();
  }

  @BeforeEach
  void tenant() {
    api = new ApiClient(port);
    String admin = api.token(TestData.bootstrapKey(DATA_DIR));
    String tenant = "verify-" + UUID.randomUUID();
    editor = api.token(key(admin, tenant, "editor"));
    viewer = api.token(key(admin, tenant, "viewer"));
  }

  @Test
  void storesCheckedCredentialsWithTheResult() {
    Response created = api.post(SECRETS + "?verify=true", editor, createBody("checked", good()));

    assertThat(created.status()).as(created.body()).isEqualTo(202);
    JsonNode verification = api.get(SECRETS + "/checked", editor).json().get("verification");
    assertThat(verification.get("checkedAt").asString()).isNotBlank();
    assertThat(verification.get("results").get(0).get("registry").asString())
        .isEqualTo(REGISTRY.host());
    assertThat(verification.get("results").get(0).get("status").asString()).isEqualTo("valid");
  }

  @Test
  void refusesCredentialsTheRegistryRefusesAndStoresNothing() {
    Response refused =
        api.post(
            SECRETS + "?verify=true",
            editor,
            createBody(
                "refused",
                dockerConfig(REGISTRY.host(), DockerRegistryProcess.USER, "Wrong-Password-1")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).as(refused.body()).isEqualTo("CredentialCheckFailed");
    assertThat(refused.json().get("error").get("details").has("registries"))
        .as(refused.body())
        .isTrue();
    JsonNode result = refused.json().get("error").get("details").get("registries").get(0);
    assertThat(result.get("status").asString()).isEqualTo("invalid-credentials");
    assertThat(result.get("registry").asString()).isEqualTo(REGISTRY.host());
    assertThat(refused.body()).doesNotContain("Wrong-Password-1");
    assertThat(api.get(SECRETS + "/refused", editor).status()).isEqualTo(404);
  }

  @Test
  void anAdvisoryCheckStoresWhatItCannotSettleAndRefusesWhatTheRegistryRefuses() {
    String nowhere = dockerConfig("registry.does-not-resolve.invalid", "bot", "Nowhere-Pass-1");

    Response strict = api.post(SECRETS + "?verify=true", editor, createBody("strict", nowhere));
    Response advisory =
        api.post(SECRETS + "?verify=advisory", editor, createBody("advisory", nowhere));
    Response refused =
        api.post(
            SECRETS + "?verify=advisory",
            editor,
            createBody(
                "refused-advisory",
                dockerConfig(REGISTRY.host(), DockerRegistryProcess.USER, "Wrong-Password-2")));

    assertThat(strict.status()).isEqualTo(400);
    assertThat(advisory.status()).as(advisory.body()).isEqualTo(202);
    assertThat(advisory.json().get("warnings").get(0).asString())
        .contains("registry.does-not-resolve.invalid", "unreachable", "stored anyway");
    assertThat(advisory.body()).doesNotContain("Nowhere-Pass-1");
    assertThat(
            api.get(SECRETS + "/advisory", editor)
                .json()
                .get("verification")
                .get("results")
                .get(0)
                .get("status")
                .asString())
        .isEqualTo("unreachable");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("CredentialCheckFailed");
    assertThat(api.get(SECRETS + "/refused-advisory", editor).status()).isEqualTo(404);
  }

  @Test
  void checksAnUpdateBeforeStoringIt() {
    assertThat(api.post(SECRETS, editor, createBody("updated", good())).status()).isEqualTo(202);

    Response refused =
        api.patch(
            SECRETS + "/updated?verify=true",
            editor,
            patchBody(dockerConfig(REGISTRY.host(), "nobody", DockerRegistryProcess.PASSWORD)));
    Response accepted = api.patch(SECRETS + "/updated?verify=true", editor, patchBody(good()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("ETag")).isEqualTo("\"2\"");
  }

  @Test
  void rechecksAStoredSecret() {
    assertThat(api.post(SECRETS, editor, createBody("stored", good())).status()).isEqualTo(202);
    assertThat(api.get(SECRETS + "/stored", editor).json().has("verification")).isFalse();

    Response rechecked = api.post(SECRETS + "/stored/verify", editor, null);

    assertThat(rechecked.status()).isEqualTo(200);
    assertThat(rechecked.json().get("results").get(0).get("status").asString()).isEqualTo("valid");
    assertThat(
            api.get(SECRETS + "/stored", editor).json().get("verification").get("results").size())
        .isEqualTo(1);
    assertThat(api.get(SECRETS + "/stored", editor).header("ETag")).isEqualTo("\"1\"");
    assertThat(api.post(SECRETS + "/stored/verify", viewer, null).status()).isEqualTo(403);
    assertThat(api.post(SECRETS + "/missing/verify", editor, null).status()).isEqualTo(404);
    assertThat(api.post(SECRETS + "?verify=maybe", editor, createBody("x1", good())).status())
        .isEqualTo(400);
  }

  @Test
  void checksWhetherImagesCanBePulledWithTheReadScope() {
    String digest = REGISTRY.pushImage(TLS, "ml/serve", "2.0");
    assertThat(api.post(SECRETS, editor, createBody("pulling", good())).status()).isEqualTo(202);

    Response checked =
        api.post(
            SECRETS + "/pulling/pull-check",
            viewer,
            "{\"images\":[\""
                + REGISTRY.host()
                + "/ml/serve:2.0\",\""
                + REGISTRY.host()
                + "/ml/serve:3.0\",\"python:3.12\"]}");

    assertThat(checked.status()).as(checked.body()).isEqualTo(200);
    JsonNode results = checked.json().get("results");
    assertThat(results.get(0).get("status").asString()).isEqualTo("pullable");
    assertThat(results.get(0).get("digest").asString()).isEqualTo(digest);
    assertThat(results.get(0).get("image").asString()).isEqualTo(REGISTRY.host() + "/ml/serve:2.0");
    assertThat(results.get(1).get("status").asString()).isEqualTo("not-found");
    assertThat(results.get(2).get("status").asString()).isEqualTo("no-credentials");
    assertThat(checked.body()).doesNotContain(DockerRegistryProcess.PASSWORD);
    assertThat(api.get(SECRETS + "/pulling", editor).header("ETag")).isEqualTo("\"1\"");
  }

  @Test
  void refusesBadPullChecksWithAClearMessage() {
    assertThat(api.post(SECRETS, editor, createBody("asked", good())).status()).isEqualTo(202);
    String tooMany =
        "{\"images\":[" + String.join(",", Collections.nCopies(21, "\"python\"")) + "]}";

    Response none = api.post(SECRETS + "/asked/pull-check", viewer, "{\"images\":[]}");
    Response many = api.post(SECRETS + "/asked/pull-check", viewer, tooMany);
    Response bad = api.post(SECRETS + "/asked/pull-check", viewer, "{\"images\":[\"Bad Image\"]}");
    Response missing =
        api.post(SECRETS + "/missing/pull-check", viewer, "{\"images\":[\"python\"]}");

    assertThat(none.status()).isEqualTo(400);
    assertThat(none.errorMessage()).contains("1 to 20 image references");
    assertThat(many.status()).isEqualTo(400);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorMessage()).contains("The image reference Bad Image");
    assertThat(missing.status()).isEqualTo(404);
    Response withoutSync = api.post(SECRETS + "/asked/pull-check?fromWorkloads=true", viewer, null);
    assertThat(withoutSync.status()).isEqualTo(400);
    assertThat(withoutSync.errorMessage()).contains("Kubernetes sync");
  }

  private static String good() {
    return dockerConfig(
        REGISTRY.host(), DockerRegistryProcess.USER, DockerRegistryProcess.PASSWORD);
  }

  private ServiceKey key(String admin, String tenant, String role) {
    Response response =
        api.post(
            "/platform/v1/service-keys",
            admin,
            "{\"tenant\":\"" + tenant + "\",\"role\":\"" + role + "\"}");
    return ApiClient.JSON.readValue(response.body(), ServiceKey.class);
  }
}
