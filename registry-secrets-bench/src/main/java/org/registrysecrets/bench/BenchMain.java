package org.registrysecrets.bench;

import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.client.ServiceKeys;
import org.registrysecrets.client.TokenProvider;

/**
 * Runs the whole benchmark: PostgreSQL (embedded, in this JVM), the server jar with and without
 * class-data sharing, the load scenarios next to their ceilings, pgbench, JMH, and the report.
 * {@code --smoke} runs every step briefly, to keep the benchmark working.
 */
public final class BenchMain {

  /**
   * How long and how often; {@code thorough} adds the start-up series and JMH.
   *
   * @param jitWarmup how long each path is driven, unmeasured, before the first measurement
   * @param warmup the unmeasured start of every measurement
   */
  private record Settings(
      Duration jitWarmup,
      Duration warmup,
      Duration duration,
      int repeats,
      int seeded,
      boolean thorough) {}

  private static final List<Integer> CONNECTIONS = List.of(1, 32);

  /**
   * The server's connection pool (spring.datasource.hikari.maximum-pool-size): its 32 clients reach
   * the database through this many connections, so pgbench also runs at this many.
   */
  private static final int SERVER_POOL = 4;

  private final Settings settings;
  private final Path jar;

  /** The framework's ceiling: the smallest Spring Boot web application (bench-hello). */
  private final Path hello;

  /** Temurin 25 beside the default JDK, for its AOT cache; see TOOLING.md. */
  private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  /**
   * Where the benchmark's own classes are (a directory or jar): the server under test gets them on
   * its classpath for the baselines ({@code org.registrysecrets.bench.baseline}).
   */
  private final Path baselines;

  private final Report report = new Report();

  private final boolean profile;

  /**
   * The server's JVM options as it ships them (a java @-file beside the module's {@code target}):
   * every JVM the benchmark starts, the framework ceiling's too, gets them first.
   */
  private final Path jvmOptions;

  private BenchMain(Settings settings, Path jar, Path hello, boolean profile) {
    this.settings = settings;
    this.jar = jar;
    this.hello = hello;
    this.jvmOptions = jar.toAbsolutePath().resolve("../../jvm.options").normalize();
    try {
      this.baselines =
          Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the benchmark's classes", e);
    }
    this.profile = profile;
  }

  public static void main(String[] args) throws Exception {
    boolean smoke = List.of(args).contains("--smoke");
    Path jar =
        Path.of(argument(args, "--jar", "registry-secrets-server/target/registry-secrets.jar"));
    Path out = Path.of(argument(args, "--out", "bench/results"));
    Settings settings =
        smoke
            ? new Settings(
                Duration.ofMillis(100),
                Duration.ofMillis(100),
                Duration.ofMillis(500),
                1,
                200,
                false)
            : new Settings(
                Duration.ofSeconds(12),
                Duration.ofSeconds(1),
                Duration.ofSeconds(4),
                5,
                10_000,
                true);
    Path hello =
        Path.of(argument(args, "--hello", "registry-secrets-bench-hello/target/bench-hello.jar"));
    String name = smoke ? "smoke" : LocalDate.now().toString();
    new BenchMain(settings, jar, hello, List.of(args).contains("--profile"))
        .run(out.resolve(name + ".md"), out.resolve(name + ".json"));
  }

  private void run(Path markdown, Path json) throws Exception {
    // Durable for everyone, as the server's own connections are: zonky's cluster runs with fsync,
    // synchronous_commit and full_page_writes off unless told otherwise.
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .start()) {
      String database = "bench";
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create database " + database);
        for (String setting :
            List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method")) {
          try (var result = statement.executeQuery("show " + setting)) {
            result.next();
            report.figure("embedded PostgreSQL " + setting, result.getString(1));
          }
        }
      }
      Map<String, String> onPostgres =
          Map.of(
              "SPRING_PROFILES_ACTIVE", "postgres",
              "POSTGRES_URL", postgres.getJdbcUrl("postgres", database),
              "POSTGRES_USER", "postgres",
              "POSTGRES_PASSWORD", "");
      Map<String, String> onH2 = Map.of();

      report.figure(
          "JVM options of every start (" + jvmOptions.getFileName() + ", then -Xmx256m)",
          String.join(" ", shippedOptions()));
      Path cds = prepareCds(jar, onPostgres);
      Path helloCds = prepareCds(hello, Map.of());
      if (settings.thorough()) {
        startupAndMemory(onPostgres, cds, helloCds);
      }

      Path recording = cds.resolve("server.jfr");
      // JDK 17 crashes recording JFR with a dynamic CDS archive: profile without the archive.
      List<String> options = new ArrayList<>(profile ? heap() : cdsOptions(cds));
      if (profile) {
        options.add(
            "-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
      }
      try (ServerUnderTest server =
              ServerUnderTest.start(
                  cds.resolve(jar.getFileName()), baselines, options, onPostgres);
          ServerUnderTest ceiling =
              ServerUnderTest.hello(
                  ServerUnderTest.currentJava(),
                  helloCds.resolve(hello.getFileName()),
                  cdsOptions(helloCds))) {
        report.figure(
            "start-up to healthy of the server under test, with CDS (s)",
            server.startup.toMillis() / 1000.0);
        report.figure(
            "start-up of the framework ceiling (Spring hello), with CDS (s)",
            ceiling.startup.toMillis() / 1000.0);
        report.figure("RSS at idle, -Xmx256m, CDS (MB)", server.rssMegabytes());
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
            Statement statement = connection.createStatement()) {
          for (String sql : PgBench.setup(settings.seeded() * 10)) {
            statement.execute(sql);
          }
        }
        scenarios(server, ceiling, true);
        PgBench pgbench = new PgBench("127.0.0.1", postgres.getPort(), database);
        databaseCeilings(pgbench);
        targets();
      }
      if (profile) {
        JfrSummary.hottest(recording, 15)
            .forEach(method -> report.note("hot method under load (JFR): " + method));
      }
      try (ServerUnderTest h2 = ServerUnderTest.start(jar, baselines, heap(), onH2)) {
        scenarios(h2, null, false);
      }
    }
    if (settings.thorough()) {
      crypto();
    }
    report.write(markdown, json, "Registry Secrets benchmark, " + LocalDate.now());
    System.out.println("Report written to " + markdown + " and " + json);
  }

  private final Map<String, Measurement> medians = new ConcurrentHashMap<>();

  /** Load scenarios; on PostgreSQL with the framework ceiling and the authentication baseline. */
  private void scenarios(
      ServerUnderTest server, @Nullable ServerUnderTest ceiling, boolean postgres)
      throws Exception {
    String store = postgres ? "" : " (H2)";
    ServiceKey admin = ServiceKeys.parse(Files.readString(server.serviceKey()));
    RegistrySecretsClient adminClient = RegistrySecretsClient.create(admin);
    ServiceKey readKey = adminClient.createServiceKey("bench", "editor", "bench reads");
    String readToken = RegistrySecretsClient.create(readKey).tokens().token();
    seed(server, readToken, postgres ? settings.seeded() : 200, postgres);
    String getOne = "/v2/admin/dockerRegistrySecrets/seed-42";
    warmUp(server, ceiling, adminClient, readKey, readToken, getOne);

    for (int connections : CONNECTIONS) {
      if (ceiling != null) {
        alternate(
            CEILING,
            "get one",
            connections,
            () -> get(ceiling, "/hello", null),
            () -> get(server, getOne, readToken));
        alternate(
            "get one, authentication off",
            "get one, authenticated",
            connections,
            () -> unauthenticated(server, getOne),
            () -> get(server, getOne, readToken));
        measure(
            "list 50 of " + settings.seeded(),
            connections,
            () -> get(server, "/v2/admin/dockerRegistrySecrets?$top=50&$skip=100", readToken));
        measure(
            "list 100 of " + settings.seeded(),
            connections,
            () -> get(server, "/v2/admin/dockerRegistrySecrets?$top=100&$skip=100", readToken));
        measure("token issue", connections, () -> tokenRequest(readKey));
      } else {
        measure("get one" + store, connections, () -> get(server, getOne, readToken));
      }
      String writer =
          RegistrySecretsClient.create(
                  adminClient.createServiceKey(
                      "bench-w-" + connections + store.length(), "editor", "bench writes"))
              .tokens()
              .token();
      measure("create" + store, connections, () -> create(server, writer));
      if (postgres) {
        measure("patch with If-Match", connections, () -> patch(server, writer, connections));
        measure("delete", connections, () -> delete(server, adminClient, connections));
      }
    }
    if (ceiling != null) {
      secondOpinions(server, ceiling, getOne, readToken);
      double getMax = throughput("get one/32");
      double createMax = throughput("create/32");
      Measurement getAtHalf =
          atRate(
              server,
              "get one at half the maximum rate",
              getMax / 2,
              () -> get(server, "/v2/admin/dockerRegistrySecrets/seed-42", readToken));
      Measurement createAtHalf =
          atRate(
              server,
              "create at half the maximum rate",
              createMax / 2,
              () -> create(server, readToken));
      report.atMost("p99 of get at half the maximum rate", getAtHalf.p99(), 10, "ms");
      report.atMost("p99 of create at half the maximum rate", createAtHalf.p99(), 25, "ms");
      report.atMost("RSS under load, -Xmx256m", server.rssMegabytes(), 350, "MB");
    }
  }

  private static final String CEILING = "framework ceiling (Spring hello)";

  /**
   * Drives every path the scenarios measure, and the ceiling, before anything is measured: on 2
   * cores the JIT is still compiling the server after a minute of load, and a measurement of a
   * half-compiled server says more about the JIT than about the server. The ceiling, one
   * controller, is compiled within seconds either way.
   */
  private void warmUp(
      ServerUnderTest server,
      @Nullable ServerUnderTest ceiling,
      RegistrySecretsClient admin,
      ServiceKey readKey,
      String readToken,
      String getOne) {
    String writer =
        RegistrySecretsClient.create(
                admin.createServiceKey("bench-warm-up", "editor", "bench warm-up"))
            .tokens()
            .token();
    List<Load.Traffic> paths =
        new ArrayList<>(
            List.of(
                get(server, getOne, readToken),
                unauthenticated(server, getOne),
                get(server, "/v2/admin/dockerRegistrySecrets?$top=50&$skip=100", readToken),
                tokenRequest(readKey),
                create(server, writer),
                patch(server, writer, 32)));
    if (ceiling != null) {
      paths.add(get(ceiling, "/hello", null));
    }
    for (Load.Traffic traffic : paths) {
      Load.closed("warm-up", 32, Duration.ZERO, settings.jitWarmup(), traffic);
    }
    if (ceiling != null) {
      report.note(
          "before measuring, each path (get, get without authentication, list, token, create,"
              + " patch) and the ceiling were driven for "
              + settings.jitWarmup().toSeconds()
              + " s at 32 connections, unmeasured; every measurement then has "
              + settings.warmup().toSeconds()
              + " s of warm-up of its own and "
              + settings.duration().toSeconds()
              + " s measured, median of "
              + settings.repeats()
              + "; the latencies at half the maximum rate come from open load (requests sent on"
              + " a schedule, timed from when they were due), the run with the median p99 of "
              + settings.repeats());
    }
  }

  /**
   * wrk against the ceiling and the server's get, alternating, and the CPU share our Java load
   * generator takes while it drives the get: whether the generator is itself a limit.
   */
  private void secondOpinions(
      ServerUnderTest server, ServerUnderTest ceiling, String getOne, String token)
      throws Exception {
    if (!Wrk.installed()) {
      report.note("wrk is not installed (Debian package wrk): no second opinion on the load");
    } else {
      List<Measurement> ceilings = new ArrayList<>();
      List<Measurement> gets = new ArrayList<>();
      for (int i = 0; i < settings.repeats(); i++) {
        ceilings.add(
            Wrk.get(CEILING + ", wrk", 32, settings.duration(), ceiling.url() + "/hello", null));
        gets.add(Wrk.get("get one, wrk", 32, settings.duration(), server.url() + getOne, token));
      }
      keep(CEILING + ", wrk", 32, ceilings);
      keep("get one, wrk", 32, gets);
    }
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    Load.closed("get one", 32, Duration.ZERO, settings.duration(), get(server, getOne, token));
    double share =
        (os.getProcessCpuTime() - cpuBefore)
            / (double) ((System.nanoTime() - wallBefore) * os.getAvailableProcessors());
    report.figure(
        "CPU share of the Java load generator driving get one, 32 connections (% of all cores)",
        Math.round(share * 1000) / 10.0);
  }

  private void targets() {
    double ceiling = throughput(CEILING + "/32");
    report.atLeast(
        "get one / framework ceiling (Spring hello), 32 connections",
        throughput("get one/32") / ceiling,
        0.50,
        "x");
    report.atLeast(
        "authenticated get / same get without authentication, 32 connections",
        throughput("get one, authenticated/32") / throughput("get one, authentication off/32"),
        0.95,
        "x");
    report.atLeast(
        "list 50 of " + settings.seeded() + " / framework ceiling (Spring hello), 32 connections",
        throughput("list 50 of " + settings.seeded() + "/32") / ceiling,
        0.30,
        "x");
    for (String[] write :
        List.of(
            new String[] {"create", "create"},
            new String[] {"patch", "patch with If-Match"},
            new String[] {"delete", "delete"})) {
      report.atLeast(
          write[0] + " / pgbench of our own " + write[0] + " SQL (durable), 32 connections",
          throughput(write[1] + "/32") / throughput("pgbench " + write[0] + "/32"),
          0.70,
          "x");
      // Not a target: the same writes against their SQL at the server's pool size, where the
      // database meets less contention than with 32 clients of its own.
      report.figure(
          write[0]
              + " at 32 connections / pgbench of our own "
              + write[0]
              + " SQL (durable), "
              + SERVER_POOL
              + " connections (x)",
          Math.round(
                  throughput(write[1] + "/32")
                      / throughput("pgbench " + write[0] + "/" + SERVER_POOL)
                      * 1000)
              / 1000.0);
    }
    report.atLeast(
        "create at 32 connections / create at 1 connection",
        throughput("create/32") / throughput("create/1"),
        1.5,
        "x");
  }

  private void databaseCeilings(PgBench pgbench) throws Exception {
    for (int connections : List.of(1, SERVER_POOL, 32)) {
      for (String script : List.of("create", "patch", "delete", "get")) {
        List<Measurement> runs = new ArrayList<>();
        for (int i = 0; i < settings.repeats(); i++) {
          runs.add(pgbench.run(script, connections, settings.duration()));
        }
        keep("pgbench " + script, connections, runs);
      }
    }
    // The cost of limits shared by replicas: one borrow per perSecond / 20 admitted requests
    Measurement borrow = pgbench.run("rate-borrow", 1, settings.duration());
    report.figure(
        "shared rate limit: one borrow (UPDATE rate_bucket, durable), 1 connection (/s)",
        Math.round(borrow.throughput()));
    report.figure(
        "shared rate limit: database time per admitted request at the default tenant limit"
            + " (200/s, a borrow per 10 requests) (ms)",
        Math.round(borrow.p50() / 10 * 1000) / 1000.0); // pgbench gives the average as p50
  }

  /** Alternates a baseline and the service, {@code repeats} times each, and keeps both medians. */
  private void alternate(
      String baselineName,
      String serviceName,
      int connections,
      Supplier<Load.Traffic> baseline,
      Supplier<Load.Traffic> service) {
    List<Measurement> baselines = new ArrayList<>();
    List<Measurement> services = new ArrayList<>();
    for (int i = 0; i < settings.repeats(); i++) {
      baselines.add(
          Load.closed(
              baselineName, connections, settings.warmup(), settings.duration(), baseline.get()));
      services.add(
          Load.closed(
              serviceName, connections, settings.warmup(), settings.duration(), service.get()));
    }
    keep(baselineName, connections, baselines);
    keep(serviceName, connections, services);
  }

  private void measure(String name, int connections, Supplier<Load.Traffic> traffic) {
    List<Measurement> runs = new ArrayList<>();
    for (int i = 0; i < settings.repeats(); i++) {
      runs.add(
          Load.closed(name, connections, settings.warmup(), settings.duration(), traffic.get()));
    }
    keep(name, connections, runs);
  }

  /**
   * Open load at {@code rate} on 32 connections, as often as every other measurement runs; keeps
   * the run with the median p99, and notes each run's p99 next to the server's collections in it,
   * so that a bad tail can be told from a pause.
   */
  private Measurement atRate(
      ServerUnderTest server, String name, double rate, Supplier<Load.Traffic> traffic)
      throws IOException {
    List<Measurement> runs = new ArrayList<>();
    List<String> tails = new ArrayList<>();
    for (int i = 0; i < settings.repeats(); i++) {
      long from = System.currentTimeMillis();
      Measurement run = Load.open(name, 32, settings.duration(), rate, traffic.get());
      ServerUnderTest.GcPauses pauses = server.gcPauses(from, System.currentTimeMillis());
      runs.add(run);
      tails.add(
          String.format(
              Locale.ROOT,
              "%.1f ms (GC pauses: %d, longest %.1f ms)",
              run.p99(),
              pauses.count(),
              pauses.longestMillis()));
    }
    runs.sort(Comparator.comparingDouble(Measurement::p99));
    Measurement median = runs.get(runs.size() / 2);
    report.add(median);
    report.note(name + ", p99 of each run in order: " + String.join("; ", tails));
    return median;
  }

  private void keep(String name, int connections, List<Measurement> runs) {
    List<Measurement> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(Measurement::throughput));
    Measurement median = sorted.get(sorted.size() / 2);
    String key = name + "/" + connections;
    medians.merge(key, median, (old, fresh) -> fresh);
    report.add(median);
    if (median.errors() > 0) {
      report.note(
          key
              + ": "
              + median.errors()
              + " requests failed in the median run; its rate is no measure");
    }
  }

  // --- traffic -----------------------------------------------------------------------------------

  private double throughput(String key) {
    Measurement measurement = medians.get(key);
    if (measurement == null) {
      throw new IllegalStateException("No measurement of " + key);
    }
    return measurement.throughput();
  }

  private static Load.Traffic get(ServerUnderTest server, String path, @Nullable String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpRequest built = request.build();
    return (thread, sequence) -> built;
  }

  private static Load.Traffic unauthenticated(ServerUnderTest server, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("X-Bench-Unauthenticated", "true")
            .GET()
            .build();
    return (thread, sequence) -> request;
  }

  /** The token request the client library sends, for the key the server under test issued. */
  private static Load.Traffic tokenRequest(ServiceKey key) {
    HttpRequest request = TokenProvider.tokenRequest(key, Duration.ofSeconds(30));
    return (thread, sequence) -> request;
  }

  private static final AtomicLong UNIQUE = new AtomicLong();

  private static Load.Traffic create(ServerUnderTest server, String token) {
    return (thread, sequence) ->
        post(server, token, "c-" + UNIQUE.incrementAndGet() + "-" + thread);
  }

  /** Each thread edits a secret of its own, sending the ETag it last saw. */
  private static Load.Traffic patch(ServerUnderTest server, String token, int connections) {
    Map<Integer, String> etags = new ConcurrentHashMap<>();
    String run = "p-" + UNIQUE.incrementAndGet();
    for (int t = 0; t < connections; t++) {
      send(post(server, token, run + "-" + t));
      etags.put(t, "\"1\"");
    }
    return new Load.Traffic() {
      @Override
      public HttpRequest next(int thread, long sequence) {
        return HttpRequest.newBuilder(
                URI.create(server.url() + "/v2/admin/dockerRegistrySecrets/" + run + "-" + thread))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/merge-patch+json")
            .header("If-Match", etags.get(thread))
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body(null, "patch-" + sequence)))
            .build();
      }

      @Override
      public boolean accept(int thread, HttpResponse<String> response) {
        response.headers().firstValue("ETag").ifPresent(etag -> etags.put(thread, etag));
        return response.statusCode() == 202;
      }
    };
  }

  /** Deletes from a pool created beforehand in a tenant of its own. */
  private Load.Traffic delete(
      ServerUnderTest server, RegistrySecretsClient admin, int connections) {
    String token =
        RegistrySecretsClient.create(
                admin.createServiceKey(
                    "bench-d-" + UNIQUE.incrementAndGet(), "editor", "bench deletes"))
            .tokens()
            .token();
    // A delete can outrun both writes measured before it, so the pool allows three times the
    // faster of them over the whole window, and never fewer than 1,000 (a cold JIT in --smoke
    // makes the measured rates too low to size by).
    double writeRate =
        Math.max(
            throughput("create/" + connections), throughput("patch with If-Match/" + connections));
    double window = (settings.duration().toMillis() + settings.warmup().toMillis()) / 1000.0;
    int pool = (int) Math.min(19_000, Math.max(1_000, writeRate * window * 3));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < pool; i++) {
      names.add("d-" + i);
    }
    parallel(names, name -> send(post(server, token, name)));
    AtomicInteger next = new AtomicInteger();
    return (thread, sequence) -> {
      int index = next.getAndIncrement();
      String name = index < pool ? "d-" + index : "missing-" + index;
      return HttpRequest.newBuilder(
              URI.create(server.url() + "/v2/admin/dockerRegistrySecrets/" + name))
          .header("Authorization", "Bearer " + token)
          .DELETE()
          .build();
    };
  }

  private void seed(ServerUnderTest server, String token, int count, boolean record) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("seed-" + i);
    }
    parallel(names, name -> send(post(server, token, name)));
    if (record) {
      report.figure("secrets in the listed tenant", count);
    }
  }

  private static HttpRequest post(ServerUnderTest server, String token, String name) {
    return HttpRequest.newBuilder(URI.create(server.url() + "/v2/admin/dockerRegistrySecrets"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(name, "pw-" + name)))
        .build();
  }

  /** A body with a ~1 KB Docker config, like a real one with a long registry token. */
  private static String body(@Nullable String name, String password) {
    String auth =
        Base64.getEncoder()
            .encodeToString(
                ("robot:" + password + "x".repeat(700)).getBytes(StandardCharsets.UTF_8));
    String config =
        "{\\\"auths\\\":{\\\"registry.example.com\\\":{\\\"auth\\\":\\\"" + auth + "\\\"}}}";
    return (name == null ? "{" : "{\"name\":\"" + name + "\",")
        + "\"data\":{\".dockerconfigjson\":\""
        + config
        + "\"}}";
  }

  private static final HttpClient SETUP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static void send(HttpRequest request) {
    try {
      SETUP.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void parallel(List<String> items, Consumer<String> action) {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    items.forEach(item -> pool.submit(() -> action.accept(item)));
    pool.shutdown();
    try {
      pool.awaitTermination(30, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- start-up, memory, CDS, crypto -----------------------------------------------------------

  /**
   * Extracts a Spring Boot jar (Spring Boot's tools jar mode) and records a class-data-sharing
   * archive ({@code app.jsa}) with a training start that answers its first requests.
   */
  private Path prepareCds(Path fatJar, Map<String, String> environment) throws Exception {
    Path directory = extract(fatJar);
    train(
        ServerUnderTest.currentJava(),
        directory.resolve(fatJar.getFileName()),
        "-XX:ArchiveClassesAtExit=" + directory.resolve("app.jsa"),
        List.of("@" + jvmOptions),
        environment);
    return directory;
  }

  private static Path extract(Path fatJar) throws Exception {
    Path directory = Files.createTempDirectory("bench-cds-");
    run(
        new ProcessBuilder(
            ServerUnderTest.currentJava(),
            "-Djarmode=tools",
            "-jar",
            fatJar.toAbsolutePath().toString(),
            "extract",
            "--destination",
            directory.toString()),
        Map.of());
    return directory;
  }

  /**
   * A training start of an extracted jar, which writes the archive or cache {@code output} as it
   * exits: the server's own training run (README), which answers its first requests and exits; the
   * framework ceiling, which has none, answers its one path and then gets SIGTERM.
   */
  private void train(
      String java,
      Path thinJar,
      String output,
      List<String> jvmOptions,
      Map<String, String> environment)
      throws Exception {
    if (thinJar.getFileName().equals(hello.getFileName())) {
      ServerUnderTest.hello(java, thinJar, with(jvmOptions, output)).close();
      return;
    }
    Path dataDir = Files.createTempDirectory("bench-cds-training-");
    Map<String, String> training = new HashMap<>(ServerUnderTest.BENCH_SETTINGS);
    training.putAll(environment);
    training.put("REGSECRETS_DATA_DIR", dataDir.toString());
    training.put("REGSECRETS_ADMIN_PASSWORD", "bench-admin-password");
    training.put("SERVER_PORT", Integer.toString(ServerUnderTest.freePort()));
    List<String> command = new ArrayList<>(List.of(java, output));
    command.addAll(jvmOptions);
    command.addAll(List.of("-Dregsecrets.training-run=true", "-jar", thinJar.toString()));
    command.add("--server.address=127.0.0.1");
    run(new ProcessBuilder(command), training);
  }

  /** The shipped options and the heap every measured start gets. */
  private List<String> heap() {
    return List.of("@" + jvmOptions, "-Xmx256m");
  }

  /** The options in {@link #jvmOptions}, without its comments. */
  private List<String> shippedOptions() throws IOException {
    return Files.readAllLines(jvmOptions).stream()
        .map(line -> line.replaceAll("#.*", "").strip())
        .filter(option -> !option.isEmpty())
        .toList();
  }

  private List<String> cdsOptions(Path cds) {
    return with(heap(), "-XX:SharedArchiveFile=" + cds.resolve("app.jsa"), "-Xshare:auto");
  }

  private static List<String> with(List<String> options, String... more) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(more));
    return all;
  }

  /**
   * Java 25's options: its AOT cache (JEP 483/514, classes loaded and linked ahead of time) and
   * compact object headers (JEP 519).
   */
  private List<String> java25Options(Path cache) {
    return with(java25Training(), "-XX:AOTCache=" + cache);
  }

  /** Java 25's options while it trains its AOT cache. */
  private List<String> java25Training() {
    return with(heap(), "-XX:+UseCompactObjectHeaders");
  }

  /**
   * Start-up and memory on the default JDK 17 without and with its CDS archive, and on Temurin 25
   * with its AOT cache, which also answers a short load for its RSS under load.
   */
  private void startupAndMemory(Map<String, String> environment, Path cds, Path helloCds)
      throws Exception {
    List<Double> best = new ArrayList<>();
    for (boolean withCds : List.of(false, true)) {
      Path target = withCds ? cds.resolve(jar.getFileName()) : jar;
      List<String> options = withCds ? cdsOptions(cds) : heap();
      String label = withCds ? "JDK 17 with CDS" : "JDK 17 without CDS";
      double median =
          startups(label, ServerUnderTest.currentJava(), target, options, environment, false);
      if (withCds) {
        best.add(median);
      }
    }
    if (Files.isExecutable(JAVA_25)) {
      Path cache = cds.resolve("app.aot");
      train(
          JAVA_25.toString(),
          cds.resolve(jar.getFileName()),
          "-XX:AOTCacheOutput=" + cache,
          java25Training(),
          environment);
      best.add(
          startups(
              "Temurin 25 with its AOT cache and compact headers",
              JAVA_25.toString(),
              cds.resolve(jar.getFileName()),
              java25Options(cache),
              environment,
              true));
      helloStartup(helloCds);
    } else {
      report.note("Temurin 25 is not installed at " + JAVA_25 + ": no AOT cache measured");
    }
    report.atMost(
        "start-up to healthy, best JDK with its archive/cache",
        best.stream().min(Double::compare).orElseThrow(),
        2.0,
        "s");
  }

  /**
   * The floor under the start-up target: the framework ceiling (bench-hello, one controller) on
   * Temurin 25 with its own AOT cache, started as the server is.
   */
  private void helloStartup(Path helloCds) throws Exception {
    Path thinJar = helloCds.resolve(hello.getFileName());
    Path cache = helloCds.resolve("app.aot");
    train(JAVA_25.toString(), thinJar, "-XX:AOTCacheOutput=" + cache, java25Training(), Map.of());
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < settings.repeats(); i++) {
      try (ServerUnderTest ceiling =
          ServerUnderTest.hello(JAVA_25.toString(), thinJar, java25Options(cache))) {
        seconds.add(ceiling.startup.toMillis() / 1000.0);
      }
    }
    seconds.sort(Double::compare);
    report.figure(
        "start-up of the framework ceiling (Spring hello), Temurin 25 with its AOT cache (s)",
        seconds.get(seconds.size() / 2));
  }

  /**
   * The median start-up of {@code repeats} restarts on one data folder (a first start, not counted,
   * makes its keys, as a replica's first start would), and the RSS at idle (and under load).
   */
  private double startups(
      String label,
      String java,
      Path target,
      List<String> options,
      Map<String, String> environment,
      boolean underLoad)
      throws Exception {
    List<Double> seconds = new ArrayList<>();
    Map<String, String> restarts = new HashMap<>(environment);
    restarts.put(
        "REGSECRETS_DATA_DIR",
        Files.createTempDirectory("bench-startup-").resolve("data").toString());
    // The jar as shipped, without the baselines: they would turn Spring AOT off.
    ServerUnderTest.start(java, target, null, options, restarts).close();
    for (int i = 0; i < settings.repeats(); i++) {
      try (ServerUnderTest server = ServerUnderTest.start(java, target, null, options, restarts)) {
        seconds.add(server.startup.toMillis() / 1000.0);
        if (i == settings.repeats() - 1) {
          report.figure(
              "context from Spring AOT's definitions, " + label, server.springAot() ? "yes" : "no");
          report.figure("RSS at idle, -Xmx256m, " + label + " (MB)", server.rssMegabytes());
          if (underLoad) {
            String token =
                RegistrySecretsClient.create(
                        ServiceKeys.parse(Files.readString(server.serviceKey())))
                    .tokens()
                    .token();
            send(post(server, token, "startup-load"));
            Measurement load =
                Load.closed(
                    "get one, " + label,
                    32,
                    settings.warmup(),
                    settings.duration(),
                    get(server, "/v2/admin/dockerRegistrySecrets/startup-load", token));
            report.add(load);
            report.figure("RSS under load, -Xmx256m, " + label + " (MB)", server.rssMegabytes());
            // Sealed with this start's keys: no later server of the run could open it.
            send(
                HttpRequest.newBuilder(
                        URI.create(server.url() + "/v2/admin/dockerRegistrySecrets/startup-load"))
                    .header("Authorization", "Bearer " + token)
                    .DELETE()
                    .build());
          }
        }
      }
    }
    seconds.sort(Double::compare);
    double median = seconds.get(seconds.size() / 2);
    report.figure("start-up to healthy, " + label + ", a restart (s)", median);
    return median;
  }

  private void crypto() throws Exception {
    Runner runner =
        new Runner(
            new OptionsBuilder()
                .include(CipherBenchmark.class.getName())
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .build());
    for (RunResult result : runner.run()) {
      String name =
          result.getParams().getBenchmark().replaceAll(".*\\.", "")
              + " "
              + result.getParams().getParam("size")
              + " B";
      report.figure("crypto " + name + " (µs, JMH)", result.getPrimaryResult().getScore());
    }
  }

  private static void run(ProcessBuilder builder, Map<String, String> environment)
      throws Exception {
    builder.environment().putAll(environment);
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", builder.command()) + " failed: " + output);
    }
  }

  private static String argument(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
