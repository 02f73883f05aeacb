package org.registrysecrets.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.dockerConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.api.wire.WebhookEventTypes;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.DockerRegistryProcess;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.support.TlsMaterial;
import org.registrysecrets.server.support.WebhookReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Credentials that go stale loudly, over real HTTP: webhooks (registered through the platform API,
 * refused on private addresses), expiry notices at each threshold, scheduled re-checks against
 * Debian's docker-registry whose password an administrator changes, and the operator's metrics. The
 * watch's rounds are run at chosen instants; delivery runs on its own schedule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaleCredentialAlertsTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final String WEBHOOKS = "/platform/v1/webhooks";
  private static final String HOOK_SECRET = "a-webhook-signing-secret-1";
  private static final Path DATA_DIR = TestData.newDataDir("stale");
  private static final TlsMaterial TLS = TlsMaterial.create();
  private static final DockerRegistryProcess REGISTRY = DockerRegistryProcess.start(TLS);
  private static final WebhookReceiver RECEIVER = new WebhookReceiver();

  @LocalServerPort int port;
  @Autowired SecretWatch watch;
  @Autowired SecretMetrics metrics;
  private ApiClient api;
  private String admin;
  private String editor;
  private String tenant;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.verify.allowed-hosts", () -> "127.0.0.1:" + REGISTRY.port());
    registry.add("regsecrets.verify.ca-file", () -> TLS.certificate().toString());
    registry.add("regsecrets.webhooks.allowed-hosts", () -> "127.0.0.1");
    registry.add("regsecrets.webhooks.poll-interval", () -> "100ms");
    registry.add("regsecrets.webhooks.first-retry", () -> "200ms");
    // The tests run the watch's rounds themselves, at the instants they choose.
    registry.add("regsecrets.secrets.watch-interval", () -> "1h");
  }

  static {
    // Shared with the PostgreSQL subclass, whose server is another context in the same JVM: both
    // are stopped when the JVM exits rather than after the first class.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
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
    tenant = "stale-" + UUID.randomUUID();
    editor = api.token(key(tenant, "editor"));
  }

  @Test
  void refusesWebhookUrlsOnPrivateAddressesUnlessAllowListed() {
    for (String url :
        List.of(
            "https://10.0.0.7/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hook",
            "https://[fd00::1]/hook",
            "https://192.168.1.20:8443/hook",
            "http://localhost:" + port + "/hook")) {
      Response refused = register(url, HOOK_SECRET, null);
      assertThat(refused.status()).as(url).isEqualTo(400);
      assertThat(refused.errorMessage()).as(url).contains("url");
    }
    assertThat(register("https://10.0.0.7/hook", HOOK_SECRET, null).errorMessage())
        .contains("private network address")
        .contains("regsecrets.webhooks.allowed-hosts");
    assertThat(register("ftp://example.com/", HOOK_SECRET, null).status()).isEqualTo(400);
    assertThat(register("https://user:pw@example.com/", HOOK_SECRET, null).status()).isEqualTo(400);
    assertThat(register(RECEIVER.url(), "short", null).errorMessage()).contains("16");
    assertThat(register(RECEIVER.url(), HOOK_SECRET, "[\"secret.deleted\"]").status())
        .isEqualTo(400);
    assertThat(api.get(WEBHOOKS, editor).json().path("count").asInt()).isZero();

    Response allowed = register(RECEIVER.url(), HOOK_SECRET, null);
    assertThat(allowed.status()).isEqualTo(201);
    assertThat(allowed.json().path("events").size()).isEqualTo(WebhookEventTypes.ALL.size());
    Response listed = api.get(WEBHOOKS, editor);
    assertThat(listed.json().path("count").asInt()).isEqualTo(1);
    assertThat(listed.body()).doesNotContain(HOOK_SECRET);
    assertThat(allowed.body()).doesNotContain(HOOK_SECRET);

    String viewer = api.token(key(tenant, "viewer"));
    assertThat(api.get(WEBHOOKS, viewer).status()).isEqualTo(403);
    String other = api.token(key("stale-other-" + UUID.randomUUID(), "editor"));
    assertThat(api.get(WEBHOOKS, other).json().path("count").asInt()).isZero();
    String id = allowed.json().path("id").asString();
    assertThat(api.delete(WEBHOOKS + "/" + id, other).status()).isEqualTo(404);
    assertThat(api.delete(WEBHOOKS + "/" + id, editor).status()).isEqualTo(204);
    assertThat(api.get(WEBHOOKS, editor).json().path("count").asInt()).isZero();
  }

  @Test
  void sendsEachExpiryNoticeOnceSignedAlsoWhenTheReceiverWasDownAtFirst() {
    String webhook = register(RECEIVER.url(), HOOK_SECRET, null).json().path("id").asString();
    Instant expiresAt = Instant.parse("2031-05-01T12:00:00Z");
    String name = "expiring-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            api.post(SECRETS, editor, body(name, null, "expiresAt", expiresAt.toString())).status())
        .isEqualTo(202);

    RECEIVER.failNext(2);
    watch.round(expiresAt.minus(Duration.ofDays(7)).plusSeconds(60));
    watch.round(expiresAt.minus(Duration.ofDays(6))); // the same notice is not sent twice
    WebhookReceiver.Post week =
        RECEIVER.awaitAccepted(post -> post.body().contains(name), Duration.ofSeconds(20));

    JsonNode event = ApiClient.JSON.readTree(week.body());
    assertThat(event.path("specversion").asString()).isEqualTo("1.0");
    assertThat(event.path("type").asString()).isEqualTo(WebhookEventTypes.EXPIRING);
    assertThat(event.path("subject").asString()).isEqualTo(name);
    assertThat(event.path("source").asString()).isEqualTo("/tenants/" + tenant);
    assertThat(event.path("data").path("within").asString()).isEqualTo("PT168H");
    assertThat(event.path("data").path("expiresAt").asString()).isEqualTo(expiresAt.toString());
    assertThat(week.contentType()).startsWith("application/cloudevents+json");
    assertThat(week.signature()).isEqualTo("sha256=" + hmac(HOOK_SECRET, week.body()));
    String weekId = event.path("id").asString();
    // Two refused attempts, then the accepted one: the same event, the same id and body.
    List<WebhookReceiver.Post> tries = postsOf(weekId);
    assertThat(tries).hasSize(3);
    assertThat(tries)
        .extracting(WebhookReceiver.Post::accepted)
        .containsExactly(false, false, true);
    assertThat(tries).extracting(WebhookReceiver.Post::body).containsOnly(week.body());
    JsonNode delivery =
        api.get(WEBHOOKS + "/" + webhook + "/deliveries", editor).json().path("resources").get(0);
    assertThat(delivery.path("state").asString()).isEqualTo("delivered");
    assertThat(delivery.path("attempts").asInt()).isEqualTo(3);

    watch.round(expiresAt.minus(Duration.ofHours(23)));
    watch.round(expiresAt.minus(Duration.ofMinutes(30)));
    watch.round(expiresAt.plusSeconds(60));
    watch.round(expiresAt.plus(Duration.ofDays(1)));
    RECEIVER.awaitAccepted(
        post -> post.body().contains(name) && post.body().contains(WebhookEventTypes.EXPIRED),
        Duration.ofSeconds(20));
    RECEIVER.awaitAccepted(
        post -> post.body().contains(name) && post.body().contains("\"PT1H\""),
        Duration.ofSeconds(20));
    RECEIVER.awaitAccepted(
        post -> post.body().contains(name) && post.body().contains("\"PT24H\""),
        Duration.ofSeconds(20));
    List<JsonNode> accepted =
        RECEIVER.posts().stream()
            .filter(post -> post.accepted() && post.body().contains(name))
            .map(post -> ApiClient.JSON.readTree(post.body()))
            .toList();
    assertThat(accepted)
        .extracting(e -> e.path("id").asString())
        .doesNotHaveDuplicates()
        .hasSize(4);
    assertThat(accepted)
        .extracting(
            e -> e.path("type").asString() + " " + e.path("data").path("within").asString(""))
        .containsExactlyInAnyOrder(
            WebhookEventTypes.EXPIRING + " PT168H",
            WebhookEventTypes.EXPIRING + " PT24H",
            WebhookEventTypes.EXPIRING + " PT1H",
            WebhookEventTypes.EXPIRED + " ");
  }

  @Test
  void marksASecretFailingAndFiresTheWebhookWhenTheRegistryStopsAcceptingItsPassword() {
    register(RECEIVER.url(), HOOK_SECRET, "[\"" + WebhookEventTypes.RECHECK_FAILED + "\"]");
    String name = "rechecked-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.post(SECRETS + "?verify=true", editor, body(name, "PT1M", null, null)).status())
        .isEqualTo(400);
    assertThat(api.post(SECRETS + "?verify=true", editor, body(name, "daily", null, null)).status())
        .isEqualTo(400);
    Response created = api.post(SECRETS + "?verify=true", editor, body(name, "P1D", null, null));
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    JsonNode recheck = api.get(SECRETS + "/" + name, editor).json().path("recheck");
    assertThat(recheck.path("every").asString()).isEqualTo("PT24H");
    Instant next = Instant.parse(recheck.path("nextCheckAt").asString());
    assertThat(next)
        .isBetween(
            Instant.now().plus(Duration.ofHours(21)), Instant.now().plus(Duration.ofHours(27)));
    assertThat(recheck.has("state")).isFalse();

    watch.round(Instant.now().plus(Duration.ofDays(2)));
    JsonNode passing = api.get(SECRETS + "/" + name, editor).json();
    assertThat(passing.path("recheck").path("state").asString()).isEqualTo("passing");
    assertThat(passing.path("verification").path("results").get(0).path("status").asString())
        .isEqualTo("valid");

    REGISTRY.changePassword("Rotated-Password-4");
    try {
      watch.round(Instant.now().plus(Duration.ofDays(4)));
    } finally {
      REGISTRY.changePassword(DockerRegistryProcess.PASSWORD);
    }
    JsonNode failing = api.get(SECRETS + "/" + name, editor).json();
    assertThat(failing.path("recheck").path("state").asString()).isEqualTo("failing");
    assertThat(failing.path("verification").path("results").get(0).path("status").asString())
        .isEqualTo("invalid-credentials");
    WebhookReceiver.Post alert =
        RECEIVER.awaitAccepted(
            post ->
                post.body().contains(name)
                    && post.body().contains(WebhookEventTypes.RECHECK_FAILED),
            Duration.ofSeconds(20));
    JsonNode data = ApiClient.JSON.readTree(alert.body()).path("data");
    assertThat(data.path("state").asString()).isEqualTo("failing");
    assertThat(data.path("registries").get(0).path("status").asString())
        .isEqualTo("invalid-credentials");
    assertThat(alert.signature()).isEqualTo("sha256=" + hmac(HOOK_SECRET, alert.body()));
    assertThat(RECEIVER.posts())
        .extracting(WebhookReceiver.Post::body)
        .noneMatch(
            b -> b.contains(DockerRegistryProcess.PASSWORD) || b.contains("Rotated-Password-4"));

    JsonNode audit =
        api.get("/platform/v1/audit-events?secret=" + name, editor).json().path("resources");
    assertThat(audit.get(0).path("action").asString()).isEqualTo("recheck");
    assertThat(audit.get(0).path("outcome").asString()).isEqualTo("failing");
    assertThat(audit.get(0).path("actor").asString()).isEqualTo(SecretRechecks.ACTOR);

    // "off" ends the re-checks; a patch without x-regsecrets keeps them.
    Response patched = api.patch(SECRETS + "/" + name, editor, body(null, "off", null, null));
    assertThat(patched.status()).as(patched.body()).isEqualTo(202);
    assertThat(api.get(SECRETS + "/" + name, editor).json().has("recheck")).isFalse();
  }

  @Test
  void servesMetricsOnlyWithTheMetricsScope() {
    String name = "metered-" + UUID.randomUUID().toString().substring(0, 8);
    api.post(
        SECRETS,
        editor,
        body(name, null, "expiresAt", Instant.now().plus(Duration.ofDays(3)).toString()));
    metrics.refresh(Instant.now());

    assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(api.get("/actuator/prometheus", editor).status()).isEqualTo(403);
    Response scraped = api.get("/actuator/prometheus", admin);
    assertThat(scraped.status()).isEqualTo(200);
    assertThat(scraped.body())
        .contains("regsecrets_secrets{state=\"expiring\",tenant=\"" + tenant + "\"} 1.0")
        .contains("regsecrets_secret_earliest_expiry_seconds{tenant=\"" + tenant + "\"}");
  }

  private Response register(String url, String secret, String events) {
    return api.post(
        WEBHOOKS,
        editor,
        "{\"url\":\""
            + url
            + "\",\"secret\":\""
            + secret
            + "\""
            + (events == null ? "" : ",\"events\":" + events)
            + "}");
  }

  /** A create (with {@code name}) or patch body for the test registry, with x-regsecrets. */
  private static String body(String name, String recheck, String field, String value) {
    ObjectNode body = ApiClient.JSON.createObjectNode();
    if (name != null) {
      body.put("name", name);
    }
    body.putObject("data")
        .put(
            ".dockerconfigjson",
            dockerConfig(
                REGISTRY.host(), DockerRegistryProcess.USER, DockerRegistryProcess.PASSWORD));
    ObjectNode extension = body.putObject("x-regsecrets");
    if (recheck != null) {
      extension.put("recheck", recheck);
    }
    if (field != null) {
      extension.put(field, value);
    }
    return body.toString();
  }

  private static List<WebhookReceiver.Post> postsOf(String eventId) {
    return RECEIVER.posts().stream()
        .filter(post -> ApiClient.JSON.readTree(post.body()).path("id").asString().equals(eventId))
        .toList();
  }

  private static String hmac(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private ServiceKey key(String tenant, String role) {
    Response response =
        api.post(
            "/platform/v1/service-keys",
            admin,
            "{\"tenant\":\"" + tenant + "\",\"role\":\"" + role + "\"}");
    return ApiClient.JSON.readValue(response.body(), ServiceKey.class);
  }
}
