package org.registrysecrets.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.StoredText;
import org.registrysecrets.server.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole API with known credentials, then searches the log output (at DEBUG), every
 * database column and every file in the data folder for them.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.registrysecrets=DEBUG",
      "logging.level.org.springframework.web=DEBUG",
      "logging.level.org.springframework.security=DEBUG",
      "logging.level.org.springframework.jdbc=DEBUG"
    })
class SecretsStaySecretTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final Path DATA_DIR = TestData.newDataDir("leak");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.admin-password", () -> "Known-Admin-Password-4711");
    registry.add("regsecrets.webhooks.allowed-hosts", () -> "127.0.0.1");
  }

  @Test
  void noCredentialReachesLogsDatabaseOrDataFolder(CapturedOutput output) throws IOException {
    ApiClient api = new ApiClient(port);
    ServiceKey bootstrap = TestData.bootstrapKey(DATA_DIR);
    String admin = api.token(bootstrap);
    Response keyResponse =
        api.post(
            "/platform/v1/service-keys",
            admin,
            "{\"tenant\":\"leak\",\"role\":\"editor\",\"description\":\"leak test\"}");
    ServiceKey key = ApiClient.JSON.readValue(keyResponse.body(), ServiceKey.class);
    String token = api.token(key);

    String authPassword = "Auth-Password-1f9c2";
    String plainPassword = "Plain-Password-77ab3";
    String patchedPassword = "Patched-Password-c0ffee";
    String rejectedPassword = "Rejected-Password-dead1";
    String wrongClientSecret = "Wrong-Client-Secret-b4d";
    String auth = base64("robot:" + authPassword);
    String plainAuth = base64("robot:" + plainPassword);
    String patchedAuth = base64("robot:" + patchedPassword);

    // Changes that succeed, in both credential forms
    api.post(
        SECRETS,
        token,
        createBody("with-auth", "{\"auths\":{\"r.io\":{\"auth\":\"" + auth + "\"}}}"));
    api.post(
        SECRETS,
        token,
        createBody(
            "with-password",
            "{\"auths\":{\"docker.io\":{\"username\":\"robot\",\"password\":\""
                + plainPassword
                + " \"}}}"));
    api.patch(
        SECRETS + "/with-auth",
        token,
        patchBody("{\"auths\":{\"r.io\":{\"auth\":\"" + patchedAuth + "\"}}}"));
    api.get(SECRETS, token);
    api.get(SECRETS + "/with-auth", token);
    // Reading calls that touch the stored credentials or their trail
    Response pullChecked =
        api.post(
            SECRETS + "/with-auth/pull-check",
            token,
            "{\"images\":[\"quay.io/team/x:1\",\"python\"]}");
    Response auditEvents = api.get("/platform/v1/audit-events", token);
    // A webhook's signing secret: sealed in the store, never answered or logged
    String webhookSecret = "Webhook-Signing-Secret-5e77";
    Response webhook =
        api.post(
            "/platform/v1/webhooks",
            token,
            "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"" + webhookSecret + "\"}");
    Response webhooks = api.get("/platform/v1/webhooks", token);
    assertThat(webhook.status()).isEqualTo(201);
    assertThat(pullChecked.status()).isEqualTo(200);
    assertThat(auditEvents.status()).isEqualTo(200);
    // Changes that are refused, each carrying a credential
    List<String> refused =
        List.of(
            createBody("bad-one", "{\"auths\":{\"r.io\":{\"auth\":\"" + rejectedPassword + "\"}}}"),
            createBody(
                "bad-two", "{\"auths\":{\"r.io\":{\"username\":\"" + rejectedPassword + "\"}}}"),
            createBody("bad-three", "{\"credsStore\":\"" + rejectedPassword + "\"}"),
            createBody("bad-four", "{not json " + rejectedPassword),
            "{\"name\":\"bad-five\",\"data\":{\".dockerconfigjson\":\"x\"},\""
                + rejectedPassword
                + "\":1}",
            "{\"name\":\"bad-six\",\"data\":{\".dockerconfigjson\":{\"auths\":{\"r.io\":{\"password\":\""
                + rejectedPassword
                + "\"}}}}}",
            "{\"name\": " + rejectedPassword + "}");
    for (String body : refused) {
      Response response = api.post(SECRETS, token, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.body()).doesNotContain(rejectedPassword);
    }
    api.tokenResponse(key.clientid(), wrongClientSecret);
    api.get(SECRETS, token + "tampered");
    api.delete(SECRETS + "/with-password", token);

    List<String> secrets =
        List.of(
            authPassword,
            plainPassword,
            patchedPassword,
            rejectedPassword,
            wrongClientSecret,
            auth,
            plainAuth,
            patchedAuth,
            key.clientsecret(),
            bootstrap.clientsecret(),
            token,
            admin,
            "Known-Admin-Password-4711",
            webhookSecret);
    for (String secret : secrets) {
      assertThat(pullChecked.body() + auditEvents.body() + webhook.body() + webhooks.body())
          .as("answers")
          .doesNotContain(secret);
    }
    assertThat(output.getAll()).isNotEmpty();
    for (String secret : secrets) {
      assertThat(output.getAll()).as("log output").doesNotContain(secret);
    }
    String database = StoredText.database(jdbc);
    assertThat(database).contains("with-auth");
    for (String secret : secrets) {
      assertThat(database).as("database").doesNotContain(secret);
    }
    for (Path file : StoredText.files(DATA_DIR)) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        if (file.getFileName().toString().equals("service-key.json")
            && secret.equals(bootstrap.clientsecret())) {
          continue; // the bootstrap key file exists to hand this one secret to its owner
        }
        assertThat(content).as(file.toString()).doesNotContain(secret);
      }
    }
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
