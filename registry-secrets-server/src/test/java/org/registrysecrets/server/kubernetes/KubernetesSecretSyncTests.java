package org.registrysecrets.server.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.MockCluster.decoded;
import static org.registrysecrets.server.support.MockCluster.eventually;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.storage.Lease;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.LaunchpadSession;
import org.registrysecrets.server.support.MockCluster;
import org.registrysecrets.server.support.TestData;
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
 * The sync against fabric8's mock Kubernetes API server in CRUD mode and the real server: changes
 * reach the cluster, survive an outage, drift is repaired, orphans go, others' Secrets stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class KubernetesSecretSyncTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final Path DATA_DIR = TestData.newDataDir("kubernetes");
  private static final String ADMIN_PASSWORD = "kubernetes-admin-password";
  private static final int CLUSTER_PORT = MockCluster.freePort();
  private static KubernetesMockServer server = startCluster();

  @LocalServerPort int port;
  @Autowired SecretReconciler reconciler;
  @Autowired SyncDeliveryScheduler scheduler;
  @Autowired JdbcClient jdbc;

  private ApiClient api;
  private String token;
  private String tenant;
  private String namespace;

  @DynamicPropertySource
  static void kubernetes(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.kubernetes.enabled", () -> "true");
    registry.add("regsecrets.admin-password", () -> ADMIN_PASSWORD);
    registry.add("regsecrets.kubernetes.master-url", () -> "http://127.0.0.1:" + CLUSTER_PORT);
    registry.add("regsecrets.kubernetes.service-accounts", () -> "default");
    registry.add("regsecrets.kubernetes.delivery-interval", () -> "200ms");
    registry.add("regsecrets.kubernetes.max-backoff", () -> "1s");
    registry.add("regsecrets.kubernetes.reconcile-interval", () -> "1h");
  }

  /** What the sync asked of the cluster, as RBAC names it: {@code resource:verb}. */
  private static final Set<String> SYNC_ASKED = ConcurrentHashMap.newKeySet();

  @AfterAll
  static void stopCluster() {
    server.destroy();
  }

  /**
   * The Role that deploy/ gives the sync in a tenant's namespace allows exactly what the sync did
   * in these tests: nothing it needs is missing, nothing is granted that it never uses.
   */
  @AfterAll
  static void theRoleInDeployAllowsExactlyWhatTheSyncDid() throws IOException {
    Path manifest = Path.of("..", "deploy", "overlays", "kubernetes-sync", "tenant-default.yaml");
    Set<String> granted = new TreeSet<>();
    for (String document : Files.readString(manifest).split("(?m)^---$")) {
      if (new KubernetesSerialization().unmarshal(document) instanceof Role role) {
        for (PolicyRule rule : role.getRules()) {
          for (String resource : rule.getResources()) {
            for (String verb : rule.getVerbs()) {
              granted.add(resource + ":" + verb);
            }
          }
        }
      }
    }
    assertThat(new TreeSet<>(SYNC_ASKED)).isEqualTo(granted);
  }

  /** The CRUD API server, noting what the sync (known by its user agent) asks of it. */
  private static final class RecordingDispatcher extends KubernetesCrudDispatcher {

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String agent = request.getHeader("User-Agent");
      if (agent != null && agent.startsWith("registry-secrets-sync")) {
        SYNC_ASKED.add(rbacName(request.getMethod(), request.getPath()));
      }
      return super.dispatch(request);
    }

    /** {@code /api/v1/namespaces/ns/secrets[/name][?query]} and its method as RBAC names it. */
    private static String rbacName(String method, String path) {
      String[] parts = path.replaceFirst("\\?.*", "").split("/");
      String resource = parts[5];
      boolean named = parts.length > 6;
      String verb =
          switch (method) {
            case "GET" -> path.contains("watch=true") ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            default -> method.toLowerCase(Locale.ROOT);
          };
      return resource + ":" + verb;
    }
  }

  @BeforeEach
  void tenant() {
    api = new ApiClient(port);
    String admin = api.token(TestData.bootstrapKey(DATA_DIR));
    tenant = "k8s-" + UUID.randomUUID().toString().substring(0, 8);
    namespace = "aicore-" + tenant;
    ApiClient.Response key =
        api.post(
            "/platform/v1/service-keys",
            admin,
            "{\"tenant\":\"" + tenant + "\",\"role\":\"editor\"}");
    token = api.token(ApiClient.JSON.readValue(key.body(), ServiceKey.class));
    cluster()
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build())
        .create();
  }

  @Test
  void createUpdateAndDeleteReachTheClusterAndTheServiceAccount(CapturedOutput output) {
    assertThat(
            api.post(
                    SECRETS,
                    token,
                    createBody("pull", dockerConfig("r.io", "bot", "K8s-Password-1")))
                .status())
        .isEqualTo(202);

    Secret created =
        eventually(() -> cluster().secrets().inNamespace(namespace).withName("pull").get());
    assertThat(created.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
    assertThat(created.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "registry-secrets")
        .containsEntry("registry-secrets.io/tenant", tenant);
    assertThat(created.getMetadata().getAnnotations())
        .containsEntry("registry-secrets.io/version", "1")
        .containsKey("registry-secrets.io/content-sha256");
    assertThat(decoded(created)).contains("r.io").contains(base64("bot:K8s-Password-1"));
    eventually(() -> pullSecrets("default").contains("pull") ? true : null);
    eventually(() -> state("pull").equals("synced") ? true : null);

    api.patch(SECRETS + "/pull", token, patchBody(dockerConfig("r.io", "bot", "K8s-Password-2")));
    eventually(() -> "2".equals(annotation("pull", "registry-secrets.io/version")) ? true : null);
    assertThat(decoded(cluster().secrets().inNamespace(namespace).withName("pull").get()))
        .contains(base64("bot:K8s-Password-2"));

    api.delete(SECRETS + "/pull", token);
    eventually(
        () ->
            cluster().secrets().inNamespace(namespace).withName("pull").get() == null
                ? true
                : null);
    eventually(() -> pullSecrets("default").contains("pull") ? null : true);
    assertThat(output.getAll())
        .doesNotContain("K8s-Password-1")
        .doesNotContain(base64("bot:K8s-Password-1"));
  }

  @Test
  void changesWaitWhileTheClusterIsAwayAndArriveWhenItReturns() {
    server.destroy();
    try {
      assertThat(
              api.post(SECRETS, token, createBody("during-outage", dockerConfig("r.io", "u", "p")))
                  .status())
          .isEqualTo(202);
      eventually(
          () -> {
            JsonNode sync = api.get(SECRETS + "/during-outage", token).json().get("sync");
            return sync != null
                    && sync.get("state").asString().equals("pending")
                    && sync.hasNonNull("lastError")
                ? true
                : null;
          });
    } finally {
      server = startCluster();
    }

    eventually(() -> cluster().secrets().inNamespace(namespace).withName("during-outage").get());
    eventually(() -> state("during-outage").equals("synced") ? true : null);
  }

  @Test
  void repairsDriftRemovesOrphansAndLeavesOtherSecretsAlone() throws Exception {
    api.post(SECRETS, token, createBody("deleted-by-hand", dockerConfig("r.io", "u", "p1")));
    api.post(SECRETS, token, createBody("edited-by-hand", dockerConfig("r.io", "u", "p2")));
    eventually(() -> cluster().secrets().inNamespace(namespace).withName("edited-by-hand").get());
    eventually(() -> cluster().secrets().inNamespace(namespace).withName("deleted-by-hand").get());

    cluster().secrets().inNamespace(namespace).withName("deleted-by-hand").delete();
    cluster()
        .secrets()
        .inNamespace(namespace)
        .withName("edited-by-hand")
        .edit(
            secret ->
                new SecretBuilder(secret)
                    .addToData(".dockerconfigjson", base64("{\"auths\":{}}"))
                    .build());
    cluster()
        .secrets()
        .inNamespace(namespace)
        .resource(
            secret(
                "orphan",
                Map.of(
                    "app.kubernetes.io/managed-by",
                    "registry-secrets",
                    "registry-secrets.io/tenant",
                    tenant)))
        .create();
    cluster()
        .secrets()
        .inNamespace(namespace)
        .resource(secret("someone-elses", Map.of("team", "ml")))
        .create();

    reconciler.reconcileAll();

    assertThat(cluster().secrets().inNamespace(namespace).withName("deleted-by-hand").get())
        .isNotNull();
    assertThat(decoded(cluster().secrets().inNamespace(namespace).withName("edited-by-hand").get()))
        .contains("r.io");
    assertThat(cluster().secrets().inNamespace(namespace).withName("orphan").get()).isNull();
    assertThat(cluster().secrets().inNamespace(namespace).withName("someone-elses").get())
        .isNotNull();

    // A second pass right after the first writes nothing
    drainRequests();
    reconciler.reconcileAll();
    List<String> writes = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      if (!request.getMethod().equals("GET")) {
        writes.add(request.getMethod() + " " + request.getPath());
      }
    }
    assertThat(writes).isEmpty();
  }

  @Test
  void neverOverwritesASecretItDoesNotManage() {
    cluster()
        .secrets()
        .inNamespace(namespace)
        .resource(secret("taken", Map.of("team", "ml")))
        .create();

    api.post(SECRETS, token, createBody("taken", dockerConfig("r.io", "u", "p")));

    eventually(() -> state("taken").equals("failed") ? true : null);
    assertThat(api.get(SECRETS + "/taken", token).json().get("sync").get("lastError").asString())
        .contains("not managed");
    assertThat(
            cluster()
                .secrets()
                .inNamespace(namespace)
                .withName("taken")
                .get()
                .getMetadata()
                .getLabels())
        .containsEntry("team", "ml");
  }

  @Test
  void listsWhoUsesASecretWithTheirImagesAndChecksThoseImages() {
    api.post(SECRETS, token, createBody("used", dockerConfig("r.io", "u", "p")));
    eventually(() -> state("used").equals("synced") ? true : null);
    cluster()
        .pods()
        .inNamespace(namespace)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("trainer")
                .endMetadata()
                .withNewSpec()
                .addNewImagePullSecret("used")
                .addNewInitContainer()
                .withName("fetch")
                .withImage("quay.io/team/fetch:1")
                .endInitContainer()
                .addNewContainer()
                .withName("c")
                .withImage("quay.io/team/trainer:2")
                .endContainer()
                .endSpec()
                .build())
        .create();

    reconciler.reconcileAll();

    JsonNode sync = api.get(SECRETS + "/used", token).json().get("sync");
    assertThat(sync.get("usedBy").toString())
        .contains("serviceaccount/default")
        .contains("pod/trainer");
    assertThat(sync.get("images").toString())
        .isEqualTo("[\"quay.io/team/fetch:1\",\"quay.io/team/trainer:2\"]");
    // The secret has no entry for quay.io: both workloads' images would stop pulling.
    JsonNode checked =
        api.post(SECRETS + "/used/pull-check?fromWorkloads=true", token, null).json();
    assertThat(checked.get("results")).hasSize(2);
    assertThat(checked.get("results").get(0).get("image").asString())
        .isEqualTo("quay.io/team/fetch:1");
    assertThat(checked.get("results").get(1).get("status").asString()).isEqualTo("no-credentials");
  }

  @Test
  void onlyOneReplicaLeadsAndAnotherTakesOverWhenItStops() {
    Lease otherReplica = new Lease(jdbc, KubernetesSyncConfiguration.SYNC_LEASE);
    Instant now = Instant.now();

    assertThat(otherReplica.lead("replica-b", now, now.plusSeconds(30))).isFalse();
    scheduler.stop();
    try {
      assertThat(otherReplica.lead("replica-b", Instant.now(), Instant.now().plusMillis(300)))
          .isTrue();
      assertThat(otherReplica.lead("replica-b", Instant.now(), Instant.now().plusMillis(300)))
          .isTrue();
    } finally {
      scheduler.start();
    }
    // replica-b stops renewing, as if it died: this replica takes the lead back after the lease
    api.post(SECRETS, token, createBody("after-takeover", dockerConfig("r.io", "u", "p")));
    eventually(() -> cluster().secrets().inNamespace(namespace).withName("after-takeover").get());
  }

  @Test
  void theRemoveDialogNamesTheUsersAndWantsConfirmation() throws Exception {
    String admin = api.token(TestData.bootstrapKey(DATA_DIR));
    String name = TestData.uniqueName("in-use");
    api.post(SECRETS, admin, createBody(name, dockerConfig("r.io", "u", "p")));
    cluster()
        .pods()
        .inNamespace("aicore-default")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("server-" + name)
                .endMetadata()
                .withNewSpec()
                .addNewImagePullSecret(name)
                .addNewContainer()
                .withName("c")
                .withImage("quay.io/team/server:3")
                .endContainer()
                .endSpec()
                .build())
        .create();
    eventually(() -> cluster().secrets().inNamespace("aicore-default").withName(name).get());
    reconciler.reconcileAll();
    LaunchpadSession browser = LaunchpadSession.login(port, "admin", ADMIN_PASSWORD);

    String dialog = browser.get("/launchpad/secrets/" + name + "/remove");
    String edit = browser.get("/launchpad/secrets/" + name + "/edit");
    String checked =
        browser.post("/launchpad/secrets/" + name + "/pull-check?fromWorkloads=true", "");
    String refused = browser.post("/launchpad/secrets/" + name + "/remove", "");
    String removed = browser.post("/launchpad/secrets/" + name + "/remove", "confirm=true");

    assertThat(dialog).contains("pod/server-" + name).contains("Remove it although it is in use");
    assertThat(dialog + edit).contains("quay.io/team/server:3").contains("Check these images");
    assertThat(checked).contains("data-image=\"quay.io/team/server:3\"").contains("no-credentials");
    assertThat(refused).contains("still in use");
    assertThat(removed).contains("removed");
    assertThat(api.get(SECRETS + "/" + name, admin).status()).isEqualTo(404);
  }

  private String state(String name) {
    JsonNode sync = api.get(SECRETS + "/" + name, token).json().get("sync");
    return sync == null ? "" : sync.get("state").asString();
  }

  private List<String> pullSecrets(String account) {
    var serviceAccount = cluster().serviceAccounts().inNamespace(namespace).withName(account).get();
    List<String> names = new ArrayList<>();
    if (serviceAccount != null && serviceAccount.getImagePullSecrets() != null) {
      serviceAccount.getImagePullSecrets().forEach(ref -> names.add(ref.getName()));
    }
    return names;
  }

  private String annotation(String name, String key) {
    Secret secret = cluster().secrets().inNamespace(namespace).withName(name).get();
    return secret == null ? null : secret.getMetadata().getAnnotations().get(key);
  }

  private Secret secret(String name, Map<String, String> labels) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .withType("kubernetes.io/dockerconfigjson")
        .addToData(".dockerconfigjson", base64("{\"auths\":{}}"))
        .build();
  }

  private static KubernetesClient cluster() {
    return MockCluster.client(server);
  }

  private static void drainRequests() throws InterruptedException {
    while (server.takeRequest(50, TimeUnit.MILLISECONDS) != null) {
      // discard what came before
    }
  }

  private static KubernetesMockServer startCluster() {
    return MockCluster.start(CLUSTER_PORT, new RecordingDispatcher());
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
