package org.registrysecrets.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.MockCluster.decoded;
import static org.registrysecrets.server.support.MockCluster.eventually;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.api.wire.WebhookEventTypes;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.CloudStandIn;
import org.registrysecrets.server.support.DockerRegistryProcess;
import org.registrysecrets.server.support.MockCluster;
import org.registrysecrets.server.support.StoredText;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.support.TlsMaterial;
import org.registrysecrets.server.support.WebhookReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Secrets whose logins the server derives from a cloud credential and renews, over real HTTP: the
 * real vendor SDKs against local HTTPS stand-ins that check what each SDK sends, Debian's
 * docker-registry for the login check, fabric8's mock Kubernetes API server for the sync, and a
 * webhook receiver. The watch's rounds run at the instants the tests choose.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "logging.level.org.registrysecrets=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class CredentialSourceRenewalTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final Path DATA_DIR = TestData.newDataDir("sources");
  private static final TlsMaterial TLS = TlsMaterial.create();
  private static final DockerRegistryProcess REGISTRY = DockerRegistryProcess.start(TLS);
  private static final CloudStandIn CLOUD = new CloudStandIn(TLS);
  private static final WebhookReceiver RECEIVER = new WebhookReceiver();
  private static final int CLUSTER_PORT = MockCluster.freePort();
  private static final KubernetesMockServer CLUSTER =
      MockCluster.start(CLUSTER_PORT, new KubernetesCrudDispatcher());
  private static final String SECRET_ACCESS_KEY = "Aws-Secret-Access-Key-5f3e9c1a";
  private static final String CLIENT_SECRET = "Entra-Client-Secret-77c1d0";

  @LocalServerPort int port;
  @Autowired SecretWatch watch;
  @Autowired JdbcClient jdbc;
  @Autowired SecretMetrics metrics;
  private ApiClient api;
  private String tenant;
  private String admin;
  private String editor;
  private String namespace;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.sources.ecr-endpoint", () -> CLOUD.baseUrl() + "/ecr");
    registry.add("regsecrets.sources.sts-endpoint", CLOUD::baseUrl);
    registry.add("regsecrets.sources.gar-token-uri", () -> CLOUD.baseUrl() + "/google/token");
    registry.add("regsecrets.sources.acr-authority-host", CLOUD::baseUrl);
    registry.add(
        "regsecrets.sources.acr-exchange-endpoint", () -> CLOUD.baseUrl() + "/acr/oauth2/exchange");
    registry.add("regsecrets.sources.github-api-url", () -> CLOUD.baseUrl() + "/github");
    registry.add("regsecrets.sources.ca-file", () -> TLS.certificate().toString());
    registry.add("regsecrets.verify.allowed-hosts", () -> "127.0.0.1:" + REGISTRY.port());
    registry.add("regsecrets.verify.ca-file", () -> TLS.certificate().toString());
    registry.add("regsecrets.webhooks.allowed-hosts", () -> "127.0.0.1");
    registry.add("regsecrets.webhooks.poll-interval", () -> "100ms");
    registry.add("regsecrets.kubernetes.enabled", () -> "true");
    registry.add("regsecrets.kubernetes.master-url", () -> "http://127.0.0.1:" + CLUSTER_PORT);
    registry.add("regsecrets.kubernetes.service-accounts", () -> "default");
    registry.add("regsecrets.kubernetes.delivery-interval", () -> "200ms");
    registry.add("regsecrets.kubernetes.reconcile-interval", () -> "1h");
    // The tests run the watch's rounds themselves, at the instants they choose.
    registry.add("regsecrets.secrets.watch-interval", () -> "1h");
    registry.add("regsecrets.crypto.reseal-interval", () -> "200ms");
  }

  static {
    // Shared with the PostgreSQL subclass, whose server is another context in the same JVM: all
    // are stopped when the JVM exits rather than after the first class.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  CLUSTER.destroy();
                  CLOUD.close();
                  RECEIVER.close();
                  try {
                    REGISTRY.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
  }

  @BeforeEach
  void tenant() {
    api = new ApiClient(port);
    admin = api.token(TestData.bootstrapKey(DATA_DIR));
    tenant = "src-" + UUID.randomUUID().toString().substring(0, 8);
    namespace = "aicore-" + tenant;
    Response key =
        api.post(
            "/platform/v1/service-keys",
            admin,
            "{\"tenant\":\"" + tenant + "\",\"role\":\"editor\"}");
    editor = api.token(ApiClient.JSON.readValue(key.body(), ServiceKey.class));
    cluster()
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build())
        .create();
    CLOUD.refuse(false);
    CLOUD.nextPassword("");
  }

  @Test
  void anEcrLoginPassesARealRegistryIsRenewedBeforeHalfLifeAndReachesKubernetes() {
    CLOUD.lifetime(Duration.ofHours(12));
    CLOUD.ecr(DockerRegistryProcess.USER, "https://127.0.0.1:" + REGISTRY.port());
    String first = "Ecr-Issued-Password-1-" + UUID.randomUUID();
    CLOUD.nextPassword(first);
    REGISTRY.changePassword(first);
    int callsBefore = CLOUD.calls("ecr").size();

    Response created = api.post(SECRETS + "?verify=true", editor, body("ecr-pull", ecr(null)));

    assertThat(created.status()).as(created.body() + CLOUD.problems()).isEqualTo(202);
    assertThat(CLOUD.problems()).isEmpty();
    CloudStandIn.Call call = CLOUD.calls("ecr").get(callsBefore);
    assertThat(call.headers().get("authorization"))
        .contains("Credential=AKIASTANDINKEY000001/")
        .contains("/eu-central-1/ecr/aws4_request");
    JsonNode secret = api.get(SECRETS + "/ecr-pull", editor).json();
    assertThat(secret.path("registries").get(0).asString())
        .isEqualTo("127.0.0.1:" + REGISTRY.port());
    assertThat(secret.path("verification").path("results").get(0).path("status").asString())
        .isEqualTo("valid");
    JsonNode source = secret.path("source");
    assertThat(source.path("type").asString()).isEqualTo("ecr");
    assertThat(source.path("state").asString()).isEqualTo("ok");
    Instant createdAt = Instant.parse(secret.path("createdAt").asString());
    Instant expiresAt = Instant.parse(source.path("expiresAt").asString());
    Instant renewAt = Instant.parse(source.path("nextRenewalAt").asString());
    Duration life = Duration.between(createdAt, expiresAt);
    assertThat(life).isBetween(Duration.ofHours(11), Duration.ofHours(12));
    // At half its life at the latest, at most a tenth of its life earlier.
    assertThat(renewAt)
        .isBetween(
            createdAt.plus(life.multipliedBy(4).dividedBy(10)).minusSeconds(2),
            createdAt.plus(life.dividedBy(2)).plusSeconds(1));
    assertThat(secret.has("expiry")).as("no expiry notices for a login that renews").isFalse();
    Secret synced =
        eventually(() -> cluster().secrets().inNamespace(namespace).withName("ecr-pull").get());
    assertThat(decoded(synced)).contains(base64(DockerRegistryProcess.USER + ":" + first));

    String second = "Ecr-Issued-Password-2-" + UUID.randomUUID();
    CLOUD.nextPassword(second);
    REGISTRY.changePassword(second);
    watch.round(renewAt.minusSeconds(60));
    assertThat(CLOUD.calls("ecr")).hasSize(callsBefore + 1);
    watch.round(renewAt);

    assertThat(CLOUD.calls("ecr")).hasSize(callsBefore + 2);
    JsonNode renewed = api.get(SECRETS + "/ecr-pull", editor).json();
    assertThat(renewed.path("version").asLong()).isEqualTo(2);
    assertThat(renewed.path("source").path("renewedAt").isString()).isTrue();
    assertThat(renewed.path("source").path("state").asString()).isEqualTo("ok");
    // The existing login check proves the stored pair is the one the stand-in issued last.
    JsonNode verified = api.post(SECRETS + "/ecr-pull/verify", editor, "").json();
    assertThat(verified.path("results").get(0).path("status").asString()).isEqualTo("valid");
    eventually(
        () ->
            decoded(cluster().secrets().inNamespace(namespace).withName("ecr-pull").get())
                    .contains(base64(DockerRegistryProcess.USER + ":" + second))
                ? true
                : null);
    JsonNode events = api.get("/platform/v1/audit-events?secret=ecr-pull", editor).json();
    assertThat(events.toString()).contains("\"renew\"").contains("registry-secrets");
    // Versions are kept, but an older login cannot come back.
    Response restore = api.post(SECRETS + "/ecr-pull/versions/1/restore", editor, "");
    assertThat(restore.status()).isEqualTo(400);
    assertThat(restore.errorMessage()).contains("renews its login");
  }

  @Test
  void anEcrRoleIsAssumedThroughStsFirst() {
    CLOUD.lifetime(Duration.ofHours(12));
    int before = CLOUD.calls("ecr").size();

    Response created =
        api.post(
            SECRETS, editor, body("ecr-role", ecr("arn:aws:iam::123456789012:role/image-puller")));

    assertThat(created.status()).as(created.body() + CLOUD.problems()).isEqualTo(202);
    assertThat(CLOUD.problems()).isEmpty();
    CloudStandIn.Call sts = CLOUD.calls("sts").get(CLOUD.calls("sts").size() - 1);
    assertThat(sts.headers().get("authorization"))
        .contains("Credential=AKIASTANDINKEY000001/")
        .contains("/eu-central-1/sts/aws4_request");
    assertThat(sts.body())
        .contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fimage-puller");
    CloudStandIn.Call ecr = CLOUD.calls("ecr").get(before);
    assertThat(ecr.headers().get("authorization")).contains("Credential=ASIASTANDINSESSION01/");
    assertThat(ecr.headers()).containsKey("x-amz-security-token");
  }

  @Test
  void aGarKeySignsAJwtBearerGrantAtTheConfiguredTokenEndpoint() {
    CLOUD.lifetime(Duration.ofHours(1));
    String key = CLOUD.googleServiceAccountKey("puller@team.iam.gserviceaccount.com");

    Response created =
        api.post(
            SECRETS,
            editor,
            body(
                "gar-pull",
                "{\"type\":\"gar\",\"serviceAccountKey\":"
                    + ApiClient.JSON.writeValueAsString(key)
                    + ",\"registries\":[\"europe-docker.pkg.dev\"]}"));

    assertThat(created.status()).as(created.body() + CLOUD.problems()).isEqualTo(202);
    assertThat(CLOUD.problems()).isEmpty();
    assertThat(CLOUD.calls("gar")).isNotEmpty();
    JsonNode secret = api.get(SECRETS + "/gar-pull", editor).json();
    assertThat(secret.path("registries").get(0).asString()).isEqualTo("europe-docker.pkg.dev");
    assertThat(secret.path("source").path("type").asString()).isEqualTo("gar");
    String token = CLOUD.issued().get(CLOUD.issued().size() - 1);
    Secret synced =
        eventually(() -> cluster().secrets().inNamespace(namespace).withName("gar-pull").get());
    assertThat(decoded(synced)).contains(base64("oauth2accesstoken:" + token));
  }

  @Test
  void anAcrApplicationIsExchangedForARegistryRefreshToken() {
    CLOUD.lifetime(Duration.ofHours(3));
    int before = CLOUD.calls("acr").size();

    Response created = api.post(SECRETS, editor, body("acr-pull", acr()));

    assertThat(created.status()).as(created.body() + CLOUD.problems()).isEqualTo(202);
    assertThat(CLOUD.problems()).isEmpty();
    assertThat(CLOUD.calls("entra")).isNotEmpty();
    assertThat(CLOUD.calls("acr")).hasSize(before + 1);
    JsonNode secret = api.get(SECRETS + "/acr-pull", editor).json();
    assertThat(secret.path("registries").get(0).asString()).isEqualTo(CloudStandIn.ACR_REGISTRY);
    Instant expiresAt = Instant.parse(secret.path("source").path("expiresAt").asString());
    assertThat(expiresAt)
        .isBetween(
            Instant.now().plus(Duration.ofMinutes(170)), Instant.now().plus(Duration.ofHours(3)));
    String refresh =
        CLOUD.issued().stream().filter(t -> t.startsWith("eyJ")).reduce((a, b) -> b).orElseThrow();
    Secret synced =
        eventually(() -> cluster().secrets().inNamespace(namespace).withName("acr-pull").get());
    assertThat(decoded(synced)).contains(base64("00000000-0000-0000-0000-000000000000:" + refresh));
  }

  @Test
  void aRefusingProviderTurnsTheSecretFailingKeepsTheLastLoginAndNotifiesOnce() {
    CLOUD.lifetime(Duration.ofHours(1));
    assertThat(
            api.post(
                    "/platform/v1/webhooks",
                    editor,
                    "{\"url\":\"" + RECEIVER.url() + "\",\"secret\":\"renewal-hook-secret-1\"}")
                .status())
        .isEqualTo(201);
    assertThat(api.post(SECRETS, editor, body("gh-pull", gitHubApp())).status()).isEqualTo(202);
    assertThat(CLOUD.problems()).isEmpty();
    JsonNode before = api.get(SECRETS + "/gh-pull", editor).json();
    Instant renewAt = Instant.parse(before.path("source").path("nextRenewalAt").asString());
    assertThat(renewAt).isBefore(Instant.now().plus(Duration.ofMinutes(31)));

    CLOUD.refuse(true);
    watch.round(renewAt);

    JsonNode failing = api.get(SECRETS + "/gh-pull", editor).json();
    assertThat(failing.path("version").asLong()).isEqualTo(1);
    assertThat(failing.path("source").path("state").asString()).isEqualTo("failing");
    assertThat(failing.path("source").path("message").asString())
        .contains("A JSON web token could not be decoded");
    assertThat(failing.path("source").path("expiresAt"))
        .isEqualTo(before.path("source").path("expiresAt"));
    Instant retryAt = Instant.parse(failing.path("source").path("nextRenewalAt").asString());
    assertThat(retryAt).isAfter(renewAt);
    RECEIVER.awaitAccepted(
        post ->
            post.body().contains(WebhookEventTypes.RENEWAL_FAILED)
                && post.body().contains("\"" + tenant + "\""),
        Duration.ofSeconds(20));
    watch.round(retryAt);
    assertThat(api.get(SECRETS + "/gh-pull", editor).json().path("source").path("state").asString())
        .isEqualTo("failing");
    metrics.refresh(Instant.now());
    assertThat(api.get("/actuator/prometheus", admin).body())
        .contains("regsecrets_secrets{state=\"failing\",tenant=\"" + tenant + "\"} 1.0")
        .contains("regsecrets_renewals_total{outcome=\"failed\",type=\"github-app\"}");

    CLOUD.refuse(false);
    Instant again =
        Instant.parse(
            api.get(SECRETS + "/gh-pull", editor)
                .json()
                .path("source")
                .path("nextRenewalAt")
                .asString());
    watch.round(again);
    JsonNode recovered = api.get(SECRETS + "/gh-pull", editor).json();
    assertThat(recovered.path("version").asLong()).isEqualTo(2);
    assertThat(recovered.path("source").path("state").asString()).isEqualTo("ok");
    assertThat(recovered.path("source").has("message")).isFalse();
    assertThat(
            RECEIVER.posts().stream()
                .filter(
                    post ->
                        post.accepted()
                            && post.body().contains(WebhookEventTypes.RENEWAL_FAILED)
                            && post.body().contains("\"" + tenant + "\""))
                .count())
        .as("one notice per run of failures")
        .isEqualTo(1);
    assertThat(CLOUD.problems()).isEmpty();
  }

  @Test
  void aDataKeyRotationResealsTheSourcesAndRenewalsStillOpenThem() {
    CLOUD.lifetime(Duration.ofHours(1));
    assertThat(api.post(SECRETS, editor, body("rotated", gitHubApp())).status()).isEqualTo(202);
    long old = api.get("/platform/v1/data-keys", admin).json().get("primary").asLong();

    assertThat(api.post("/platform/v1/data-keys/rotate", admin, null).status()).isEqualTo(202);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (api.get("/platform/v1/data-keys", admin).json().get("rowsToReseal").asLong() > 0) {
      assertThat(Instant.now()).isBefore(deadline);
      pause();
    }
    Response disabled = api.post("/platform/v1/data-keys/" + old + "/disable", admin, null);
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    Instant renewAt =
        Instant.parse(
            api.get(SECRETS + "/rotated", editor)
                .json()
                .path("source")
                .path("nextRenewalAt")
                .asString());
    watch.round(renewAt);

    JsonNode renewed = api.get(SECRETS + "/rotated", editor).json();
    assertThat(renewed.path("version").asLong()).isEqualTo(2);
    assertThat(renewed.path("source").path("state").asString()).isEqualTo("ok");
  }

  @Test
  void aSourceTheVendorRefusesStoresNothing() {
    CLOUD.refuse(true);

    Response refused = api.post(SECRETS, editor, body("never-stored", acr()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("CredentialCheckFailed");
    assertThat(refused.errorMessage())
        .contains("acr " + CloudStandIn.ACR_REGISTRY)
        .doesNotContain(CLIENT_SECRET);
    assertThat(api.get(SECRETS + "/never-stored", editor).status()).isEqualTo(404);
  }

  @Test
  void refusesSourcesThatCannotWorkAndStoresNothing() {
    int calls = CLOUD.calls("ecr").size() + CLOUD.calls("acr").size();
    List<String> bodies =
        List.of(
            body("bad", "{\"type\":\"quay\"}"),
            body("bad", "{\"type\":\"ecr\",\"region\":\"eu-central-1\"}"),
            body(
                "bad",
                "{\"type\":\"ecr\",\"region\":\"eu-central-1\",\"accessKeyId\":\"AKIASTANDINKEY000001\","
                    + "\"secretAccessKey\":\"x\",\"clientSecret\":\"y\"}"),
            body(
                "bad",
                "{\"type\":\"ecr\",\"region\":\"../../etc\",\"accessKeyId\":\"AKIASTANDINKEY000001\",\"secretAccessKey\":\"x\"}"),
            body(
                "bad",
                "{\"type\":\"acr\",\"tenantId\":\"t\",\"clientId\":\"c\",\"clientSecret\":\"s\","
                    + "\"registries\":[\"169.254.169.254\"]}"),
            body(
                "bad",
                "{\"type\":\"github-app\",\"appId\":\"1\",\"installationId\":\"2\",\"privateKey\":\"not a key\"}"),
            body(
                "bad",
                "{\"type\":\"gar\",\"serviceAccountKey\":\"{}\",\"registries\":[\"europe-docker.pkg.dev\"]}"),
            "{\"name\":\"bad\",\"data\":{\".dockerconfigjson\":\"{}\"},\"source\":"
                + ecr(null)
                + "}",
            "{\"name\":\"bad\",\"source\":"
                + ecr(null)
                + ",\"x-regsecrets\":{\"expiresAt\":\"2030-01-01T00:00:00Z\"}}");
    for (String body : bodies) {
      Response response = api.post(SECRETS, editor, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.errorCode()).as(body).isEqualTo("BadRequest");
    }
    assertThat(api.get(SECRETS + "/bad", editor).status()).isEqualTo(404);
    assertThat(CLOUD.calls("ecr").size() + CLOUD.calls("acr").size()).isEqualTo(calls);
  }

  @Test
  void noSourceCredentialOrDerivedLoginReachesAnswersLogsDatabaseOrFiles(CapturedOutput output)
      throws IOException {
    CLOUD.lifetime(Duration.ofHours(1));
    String garKey = CLOUD.googleServiceAccountKey("leak@team.iam.gserviceaccount.com");
    List<Response> answers = new ArrayList<>();
    answers.add(api.post(SECRETS, editor, body("leak-ecr", ecr(null))));
    answers.add(
        api.post(
            SECRETS,
            editor,
            body(
                "leak-gar",
                "{\"type\":\"gar\",\"serviceAccountKey\":"
                    + ApiClient.JSON.writeValueAsString(garKey)
                    + ",\"registries\":[\"us-docker.pkg.dev\"]}")));
    answers.add(api.post(SECRETS, editor, body("leak-acr", acr())));
    answers.add(api.post(SECRETS, editor, body("leak-gh", gitHubApp())));
    answers.forEach(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(202));
    answers.add(api.patch(SECRETS + "/leak-gh", editor, "{\"source\":" + gitHubApp() + "}"));
    watch.round(Instant.now().plus(Duration.ofHours(2)));
    CLOUD.refuse(true);
    watch.round(Instant.now().plus(Duration.ofHours(4)));
    answers.add(api.post(SECRETS, editor, body("leak-refused", acr())));
    CLOUD.refuse(false);
    answers.add(api.get(SECRETS, editor));
    for (String name : List.of("leak-ecr", "leak-gar", "leak-acr", "leak-gh")) {
      answers.add(api.get(SECRETS + "/" + name, editor));
      answers.add(api.get(SECRETS + "/" + name + "/versions", editor));
    }
    answers.add(api.get("/platform/v1/audit-events", editor));
    eventually(() -> cluster().secrets().inNamespace(namespace).withName("leak-gh").get());

    List<String> secrets = new ArrayList<>(CLOUD.issued());
    secrets.add(SECRET_ACCESS_KEY);
    secrets.add(CLIENT_SECRET);
    secrets.add(pemLine(CLOUD.gitHubAppPrivateKey()));
    secrets.add(pemLine(ApiClient.JSON.readTree(garKey).path("private_key").asString()));
    assertThat(secrets).hasSizeGreaterThan(8);
    String answered = answers.stream().map(Response::body).reduce("", String::concat);
    String database = StoredText.database(jdbc);
    assertThat(database).contains("leak-ecr");
    for (String secret : secrets) {
      assertThat(answered).as("answers").doesNotContain(secret);
      assertThat(output.getAll()).as("log output").doesNotContain(secret);
      assertThat(database).as("database").doesNotContain(secret);
    }
    for (Path file : StoredText.files(DATA_DIR)) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertThat(content).as(file.toString()).doesNotContain(secret);
      }
    }
  }

  private long sourceRows(String name) {
    return jdbc.sql("select count(*) from credential_source where secret_name = ?")
        .param(name)
        .query(Long.class)
        .single();
  }

  private static String body(String name, String source) {
    return "{\"name\":\"" + name + "\",\"source\":" + source + "}";
  }

  private static String ecr(String roleArn) {
    return "{\"type\":\"ecr\",\"region\":\"eu-central-1\",\"accessKeyId\":\"AKIASTANDINKEY000001\","
        + "\"secretAccessKey\":\""
        + SECRET_ACCESS_KEY
        + "\""
        + (roleArn == null ? "" : ",\"roleArn\":\"" + roleArn + "\"")
        + "}";
  }

  private static String acr() {
    return "{\"type\":\"acr\",\"tenantId\":\""
        + CloudStandIn.ENTRA_TENANT
        + "\",\"clientId\":\"5a1d0c3e-1111-4222-8333-444455556666\",\"clientSecret\":\""
        + CLIENT_SECRET
        + "\",\"registries\":[\""
        + CloudStandIn.ACR_REGISTRY
        + "\"]}";
  }

  private static String gitHubApp() {
    return "{\"type\":\"github-app\",\"appId\":\"424242\",\"installationId\":\"97531\","
        + "\"privateKey\":"
        + ApiClient.JSON.writeValueAsString(CLOUD.gitHubAppPrivateKey())
        + "}";
  }

  /** A line from the middle of a PEM key: distinctive, and what a careless log would show. */
  private static String pemLine(String pem) {
    String[] lines = pem.strip().split("\n");
    return lines[lines.length / 2];
  }

  private static KubernetesClient cluster() {
    return MockCluster.client(CLUSTER);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
