package org.registrysecrets.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.EmbeddedPostgresInitializer;
import org.registrysecrets.server.support.LaunchpadSession;
import org.registrysecrets.server.support.SecretLifecycle;
import org.registrysecrets.server.support.ServerProcess;
import org.registrysecrets.server.support.StoredChanges;
import org.registrysecrets.server.support.TestData;

/**
 * Three replicas (the real jar) on one PostgreSQL, sharing their keys as a Kubernetes Secret would
 * give them, started at the same moment on an empty database: they behave as one service while
 * replicas are killed with SIGKILL and started again. {@code reliability.replica-seconds} sets how
 * long the kill loop runs (30 s in the suite, 150 s with {@code -Preliability}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasCrashTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final String SERVICE_KEYS = "/platform/v1/service-keys";
  private static final int SECONDS = Integer.getInteger("reliability.replica-seconds", 30);
  private static final int RATE = 20;
  private static final int BURST = 40;
  private static final int MAX_COUNT = 20;
  private static final Duration LEASE = Duration.ofSeconds(3);

  private static KubernetesMockServer cluster;
  private static String databaseUrl;
  private static final List<ServerProcess> replicas = new ArrayList<>();
  private static ServiceKey bootstrap;

  @BeforeAll
  static void startThreeReplicasAtOnce() throws Exception {
    int clusterPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      clusterPort = socket.getLocalPort();
    }
    cluster =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    cluster.init(InetAddress.getLoopbackAddress(), clusterPort);

    String database = "replicas_" + UUID.randomUUID().toString().replace("-", "");
    var postgres = EmbeddedPostgresInitializer.server();
    try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
      admin.createStatement().execute("create database " + database);
    }
    databaseUrl = postgres.getJdbcUrl("postgres", database);

    // The keys every replica shares: made once by a first start of its own, on H2
    Path keys = Files.createTempDirectory("replica-keys-");
    try (ServerProcess first = ServerProcess.start()) {
      for (String file :
          List.of(
              "keyset.json", "issuer-signing-key.json", "fingerprint.key", "service-key.json")) {
        Files.copy(first.dataDir().resolve(file), keys.resolve(file));
      }
    }
    bootstrap = TestData.bootstrapKey(keys);

    // Three replicas started together on the empty database: migrations and first-run work race
    // They share one public URL (the Service's): it is the issuer their tokens name
    String[] arguments = {
      "--regsecrets.public-url=http://registry-secrets.test",
      "--spring.datasource.url=" + databaseUrl,
      "--spring.datasource.username=postgres",
      "--spring.datasource.hikari.connection-init-sql=SET synchronous_commit TO on",
      "--spring.datasource.hikari.maximum-pool-size=8",
      "--regsecrets.api.tenant-requests-per-second=" + RATE,
      "--regsecrets.api.tenant-burst=" + BURST,
      "--regsecrets.secrets.max-count=" + MAX_COUNT,
      "--regsecrets.kubernetes.enabled=true",
      "--regsecrets.kubernetes.master-url=http://127.0.0.1:" + clusterPort,
      "--regsecrets.kubernetes.delivery-interval=200ms",
      "--regsecrets.kubernetes.reconcile-interval=1h",
      "--regsecrets.kubernetes.lease-duration=" + LEASE.toSeconds() + "s"
    };
    ExecutorService starting = Executors.newFixedThreadPool(3);
    List<Future<ServerProcess>> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(starting.submit(() -> ServerProcess.startReplica(keys, arguments)));
    }
    for (Future<ServerProcess> replica : started) {
      replicas.add(replica.get());
    }
    starting.shutdown();
  }

  @AfterAll
  static void stopReplicas() throws Exception {
    for (ServerProcess replica : replicas) {
      replica.close();
    }
    if (cluster != null) {
      cluster.destroy();
    }
  }

  @Test
  @Order(1)
  void aServiceKeyRevokedThroughOneReplicaIsRefusedByTheOthersWithinASecond() throws Exception {
    ServiceKey key = newKey("revoked");
    String token = api(1).token(key);
    assertThat(api(1).get(SECRETS, token).status()).isEqualTo(200);
    assertThat(api(2).get(SECRETS, token).status()).isEqualTo(200);

    assertThat(api(0).delete(SERVICE_KEYS + "/" + key.clientid(), adminToken()).status())
        .isEqualTo(204);
    long revokedAt = System.nanoTime();

    for (int replica : new int[] {1, 2}) {
      while (api(replica).get(SECRETS, token).status() != 401) {
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt))
            .as("replica %d still accepts the revoked key", replica)
            .isLessThan(Duration.ofSeconds(1));
        Thread.sleep(20);
      }
      System.out.printf(
          "Replica %d refused the revoked key after %d ms%n",
          replica, (System.nanoTime() - revokedAt) / 1_000_000);
    }
  }

  @Test
  @Order(2)
  void theTenantLimitHoldsAcrossReplicas() throws Exception {
    String token = api(0).token(newKey("limited"));
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    int seconds = 3;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService flood = Executors.newFixedThreadPool(9);
    List<Future<?>> senders = new ArrayList<>();
    for (int sender = 0; sender < 9; sender++) {
      int replica = sender % 3;
      senders.add(
          flood.submit(
              () -> {
                while (System.nanoTime() < end) {
                  int status = api(replica).get(SECRETS, token).status();
                  (status == 200 ? admitted : refused).incrementAndGet();
                  assertThat(status).isIn(200, 429);
                }
              }));
    }
    for (Future<?> sender : senders) {
      sender.get();
    }
    flood.shutdown();

    System.out.printf(
        "Tenant limit over three replicas: %d admitted, %d refused in %d s%n",
        admitted.get(), refused.get(), seconds);
    // At most burst + rate × (time + 1 s of borrowed tokens); one replica alone would admit
    // that much by itself, three would admit three times as much
    assertThat(refused.get()).as("refused").isPositive();
    assertThat(admitted.get()).isLessThanOrEqualTo(BURST + RATE * (seconds + 1));
    assertThat(admitted.get()).isGreaterThanOrEqualTo(BURST + RATE * seconds * 8 / 10);
  }

  @Test
  @Order(3)
  void ifMatchLetsExactlyOneOf64WritersWinAndTheQuotaHoldsAcrossReplicas() throws Exception {
    String token = api(0).token(newKey("contention"));
    assertThat(
            api(0)
                .post(SECRETS, token, createBody("shared", dockerConfig("r.io", "u", "p")))
                .status())
        .isEqualTo(202);

    List<Integer> patches =
        together(
            64,
            writer ->
                api(writer % 3)
                    .patch(
                        SECRETS + "/shared",
                        token,
                        patchBody(dockerConfig("r.io", "u", "p-" + writer)),
                        "If-Match",
                        "\"1\"")
                    .status());
    assertThat(patches).filteredOn(status -> status == 202).hasSize(1);
    assertThat(patches).allMatch(status -> status == 202 || status == 412 || status == 429);
    assertThat(patches).filteredOn(status -> status == 412).hasSizeGreaterThan(10);

    // 40 creates at once in a tenant allowed 20 secrets: the quota (429 QuotaExceeded) holds
    String quotaToken = api(0).token(newKey("quota"));
    List<Integer> creates =
        together(
            2 * MAX_COUNT,
            writer ->
                api(writer % 3)
                    .post(
                        SECRETS,
                        quotaToken,
                        createBody("q-" + writer, dockerConfig("r.io", "u", "p")))
                    .status());
    assertThat(creates).allMatch(status -> status == 202 || status == 429);
    assertThat(creates).filteredOn(status -> status == 202).hasSize(MAX_COUNT);
    assertThat(count("select count(*) from docker_registry_secret where tenant = 'quota'"))
        .isEqualTo(MAX_COUNT);
  }

  @Test
  @Order(4)
  void aLaunchpadSessionOutlivesTheReplicaThatStartedIt() throws Exception {
    LaunchpadSession onA =
        LaunchpadSession.login(replicas.get(0).port(), "admin", ServerProcess.ADMIN_PASSWORD);
    assertThat(onA.navigate("/launchpad/secrets").body()).contains("Docker Registry Secrets");

    replicas.get(0).kill();
    try {
      LaunchpadSession onB = onA.on(replicas.get(1).port());
      HttpResponse<String> page = onB.navigate("/launchpad/secrets");
      assertThat(page.uri().getPath()).isEqualTo("/launchpad/secrets");
      assertThat(page.body()).contains("Docker Registry Secrets").contains("admin");
      // A password change on B, with the CSRF token of A's session, ends the user's session on C
      LaunchpadSession onC =
          LaunchpadSession.login(replicas.get(2).port(), "admin", ServerProcess.ADMIN_PASSWORD);
      String changed = "replicas-" + UUID.randomUUID();
      assertThat(changePassword(onB, ServerProcess.ADMIN_PASSWORD, changed).statusCode())
          .isEqualTo(200);
      assertThat(onC.navigate("/launchpad/secrets").uri().toString()).endsWith("/login?expired");
      assertThat(changePassword(onB, changed, ServerProcess.ADMIN_PASSWORD).statusCode())
          .isEqualTo(200);
      // Logging out on B ends the session for C as well
      assertThat(onB.postResponse("/logout", "").statusCode()).isLessThan(400);
      assertThat(onA.on(replicas.get(2).port()).navigate("/launchpad/secrets").uri().getPath())
          .isEqualTo("/login");
    } finally {
      replicas.get(0).restart();
    }
  }

  @Test
  @Order(5)
  void anotherReplicaTakesTheSyncOverWithinTheLeaseWhenTheLeaderIsKilled() throws Exception {
    String token = adminToken();
    String before = TestData.uniqueName("sync");
    assertThat(
            api(0)
                .post(SECRETS, token, createBody(before, dockerConfig("r.io", "u", "p")))
                .status())
        .isEqualTo(202);
    awaitInCluster(before, Duration.ofSeconds(20));
    int leader = syncLeader();
    drainClusterRequests();

    // When the leader dies, a change made through another replica reaches the cluster
    replicas.get(leader).kill();
    long killedAt = System.nanoTime();
    String after = TestData.uniqueName("sync");
    try {
      assertThat(
              api((leader + 1) % 3)
                  .post(SECRETS, token, createBody(after, dockerConfig("r.io", "u", "p")))
                  .status())
          .isEqualTo(202);
      awaitInCluster(after, LEASE.plusSeconds(3));
      Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
      System.out.printf("Sync taken over %d ms after the leader died%n", takeover.toMillis());
      assertThat(takeover).isLessThan(LEASE.plusSeconds(3));

      // And each secret was written once: the new leader repeats nothing the old one did
      List<String> writes = new ArrayList<>();
      RecordedRequest request;
      while ((request = cluster.takeRequest(500, TimeUnit.MILLISECONDS)) != null) {
        if (!request.getMethod().equals("GET")) {
          writes.add(request.getMethod() + " " + request.getPath());
        }
      }
      assertThat(writes).filteredOn(write -> write.contains(before)).isEmpty();
      assertThat(writes).filteredOn(write -> write.contains(after)).hasSizeLessThanOrEqualTo(1);
    } finally {
      replicas.get(leader).restart();
    }
  }

  @Test
  @Order(6)
  void everyAcknowledgedChangeSurvivesReplicasKilledOneAfterAnother() throws Exception {
    List<Writer> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      writers.add(new Writer("kill-" + UUID.randomUUID().toString().substring(0, 8)));
    }
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    List<Future<?>> busy = new ArrayList<>();
    String token = adminToken();
    for (Writer writer : writers) {
      busy.add(pool.submit(() -> writer.work(token, running)));
    }

    // Kill -9 a replica every few seconds and start it again in the background (a start takes
    // longer than the pause), for the whole run; at least one replica stays up
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    ExecutorService restarts = Executors.newFixedThreadPool(3);
    List<Future<?>> starting = new ArrayList<>(List.of(done(), done(), done()));
    int kills = 0;
    while (System.nanoTime() < end) {
      Thread.sleep(ThreadLocalRandom.current().nextLong(2000, 5000));
      List<Integer> up = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        if (starting.get(i).isDone()) {
          starting.get(i).get();
          up.add(i);
        }
      }
      if (up.size() < 2) {
        continue;
      }
      ServerProcess victim = replicas.get(up.get(ThreadLocalRandom.current().nextInt(up.size())));
      victim.kill();
      kills++;
      starting.set(
          replicas.indexOf(victim),
          restarts.submit(
              () -> {
                victim.restart();
                return null;
              }));
    }
    for (Future<?> start : starting) {
      start.get();
    }
    restarts.shutdown();
    running.set(false);
    for (Future<?> future : busy) {
      future.get();
    }
    pool.shutdown();

    // Then every acknowledged change is stored once, with one audit event per change
    try (Connection database = DriverManager.getConnection(databaseUrl, "postgres", "")) {
      for (Writer writer : writers) {
        writer.verify(database);
      }
    }
    System.out.printf(
        "%d kills in %d s, %d acknowledged changes%n",
        kills, SECONDS, writers.stream().mapToInt(writer -> writer.acknowledged).sum());
    assertThat(kills).isGreaterThanOrEqualTo(Math.max(2, SECONDS / 20));
    assertThat(writers.stream().mapToInt(writer -> writer.acknowledged).sum())
        .as("acknowledged changes")
        .isGreaterThan(20);
  }

  /** One writer's secrets in the default tenant: create, edit, edit, delete, then the next name. */
  private static final class Writer {

    private final String prefix;
    private int sequence;
    private int step;
    private int acknowledged;

    Writer(String prefix) {
      this.prefix = prefix;
    }

    private String name() {
      return prefix + "-" + sequence;
    }

    void work(String token, AtomicBoolean running) {
      while (running.get()) {
        ApiClient api = api(ThreadLocalRandom.current().nextInt(3));
        int status;
        try {
          status = SecretLifecycle.send(api, token, name(), step);
        } catch (UncheckedIOException killed) {
          resolve(token); // the replica died under this request: did the change happen?
          continue;
        }
        if (status == 429) {
          pause(200); // the tenant's limit: nothing happened
          continue;
        }
        if (status == 503 || status == 409 || status == 412) {
          // Unavailable, or a change of a dying replica committed after all: see what is stored
          resolve(token);
          continue;
        }
        assertThat(status).as("%s step %d", name(), step).isEqualTo(202);
        acknowledged++;
        advance(step + 1);
      }
    }

    /**
     * Reads, through any replica that answers, what is stored: a change whose replica died either
     * committed or not. The pause lets PostgreSQL end the dead client's transaction first.
     */
    private void resolve(String token) {
      pause(1000);
      for (int attempt = 0; ; attempt++) {
        try {
          ApiClient.Response read = api(attempt % 3).get(SECRETS + "/" + name(), token);
          if (read.status() == 200) {
            int version = Integer.parseInt(read.header("ETag").replace("\"", ""));
            advance(version);
            return;
          }
          if (read.status() == 404) {
            advance(step >= 3 ? 4 : 0);
            return;
          }
        } catch (UncheckedIOException down) {
          // that replica is down too; ask the next
        }
        pause(200);
      }
    }

    private void advance(int steps) {
      step = steps;
      if (step == 4) {
        step = 0;
        sequence++;
      }
    }

    /** Deleted names have exactly 4 audited changes; the current one as many as its version. */
    void verify(Connection database) throws Exception {
      for (int earlier = 0; earlier < sequence; earlier++) {
        String name = prefix + "-" + earlier;
        assertThat(StoredChanges.version(database, "default", name)).as(name + " deleted").isZero();
        assertThat(StoredChanges.audited(database, "default", name))
            .as("audit of " + name)
            .isEqualTo(4);
      }
      assertThat(StoredChanges.version(database, "default", name())).as(name()).isEqualTo(step);
      assertThat(StoredChanges.audited(database, "default", name()))
          .as("audit of " + name())
          .isEqualTo(step);
    }
  }

  private static HttpResponse<String> changePassword(
      LaunchpadSession session, String current, String changed) throws Exception {
    return session.postResponse(
        "/launchpad/account/password",
        "current="
            + LaunchpadSession.encode(current)
            + "&password="
            + LaunchpadSession.encode(changed)
            + "&repeat="
            + LaunchpadSession.encode(changed));
  }

  private static Future<?> done() {
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }

  private static ApiClient api(int replica) {
    return new ApiClient(replicas.get(replica).url());
  }

  private static String adminToken() {
    return api(0).token(bootstrap);
  }

  private static ServiceKey newKey(String tenant) {
    ApiClient.Response created =
        api(0)
            .post(
                SERVICE_KEYS, adminToken(), "{\"tenant\":\"" + tenant + "\",\"role\":\"editor\"}");
    assertThat(created.status()).isEqualTo(201);
    return ApiClient.JSON.readValue(created.body(), ServiceKey.class);
  }

  /** Runs {@code count} calls at the same moment on as many threads; their results in order. */
  private static List<Integer> together(int count, java.util.function.IntFunction<Integer> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int writer = i;
      results.add(
          pool.submit(
              () -> {
                start.await();
                return call.apply(writer);
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> result : results) {
      statuses.add(result.get());
    }
    pool.shutdown();
    return statuses;
  }

  /** The replica whose current run leads the Kubernetes sync, as its log says. */
  private static int syncLeader() throws Exception {
    for (int i = 0; i < replicas.size(); i++) {
      String log = replicas.get(i).logSinceStart();
      int leads = log.lastIndexOf("This replica now leads 'kubernetes-sync'");
      int left = log.lastIndexOf("This replica no longer leads 'kubernetes-sync'");
      if (leads >= 0 && leads > left) {
        return i;
      }
    }
    throw new AssertionError("No replica says it leads the Kubernetes sync");
  }

  private static void awaitInCluster(String name, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    try (KubernetesClient client = cluster.createClient()) {
      while (client.secrets().inNamespace("aicore-default").withName(name).get() == null) {
        assertThat(System.nanoTime()).as("%s in the cluster", name).isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }

  private static void drainClusterRequests() throws InterruptedException {
    while (cluster.takeRequest(50, TimeUnit.MILLISECONDS) != null) {
      // discard what came before
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection database = DriverManager.getConnection(databaseUrl, "postgres", "")) {
      return StoredChanges.number(database, sql);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
