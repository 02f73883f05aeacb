package org.registrysecrets.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

  /** How long and how often; {@code thorough} adds the start-up series and JMH. */
  private record Settings(
      Duration warmup, Duration duration, int repeats, int seeded, boolean thorough) {}

  private static final List<Integer> CONNECTIONS = List.of(1, 32);

  private final Settings settings;
  private final Path jar;

  /**
   * Where the benchmark's own classes are (a directory or jar): the server under test gets them on
   * its classpath for the baselines ({@code org.registrysecrets.bench.baseline}).
   */
  private final Path baselines;

  private final Report report = new Report();

  private final boolean profile;

  private BenchMain(Settings settings, Path jar, boolean profile) {
    this.settings = settings;
    this.jar = jar;
    try {
      this.baselines =
          Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
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
            ? new Settings(Duration.ofMillis(100), Duration.ofMillis(500), 1, 200, false)
            : new Settings(Duration.ofSeconds(1), Duration.ofSeconds(4), 3, 10_000, true);
    String name = smoke ? "smoke" : LocalDate.now().toString();
    new BenchMain(settings, jar, List.of(args).contains("--profile"))
        .run(out.resolve(name + ".md"), out.resolve(name + ".json"));
  }

  private void run(Path markdown, Path json) throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String database = "bench";
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create database " + database);
        statement.execute("create database pgbench");
      }
      try (Connection connection = postgres.getDatabase("postgres", "pgbench").getConnection();
          Statement statement = connection.createStatement()) {
        for (String sql : PgBench.schema(settings.seeded() * 30)) {
          statement.execute(sql);
        }
      }
      Map<String, String> onPostgres =
          Map.of(
              "SPRING_PROFILES_ACTIVE", "postgres",
              "POSTGRES_URL", postgres.getJdbcUrl("postgres", database),
              "POSTGRES_USER", "postgres",
              "POSTGRES_PASSWORD", "");
      Map<String, String> onH2 = Map.of();

      Path cds = prepareCds(onPostgres);
      if (settings.thorough()) {
        startupAndMemory(onPostgres, cds);
      }

      Path recording = cds.resolve("server.jfr");
      // JDK 17 crashes recording JFR with a dynamic CDS archive: profile without the archive.
      List<String> options = new ArrayList<>(profile ? List.of("-Xmx256m") : cdsOptions(cds));
      if (profile) {
        options.add(
            "-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
      }
      try (ServerUnderTest server =
          ServerUnderTest.start(
              cds.resolve("registry-secrets.jar"), baselines, options, onPostgres)) {
        report.figure(
            "start-up to healthy of the server under test, with CDS (s)",
            server.startup.toMillis() / 1000.0);
        report.figure("RSS at idle, -Xmx256m, CDS (MB)", server.rssMegabytes());
        scenarios(server, true);
        PgBench pgbench = new PgBench("127.0.0.1", postgres.getPort(), "pgbench");
        databaseCeilings(pgbench);
        targets();
      }
      if (profile) {
        JfrSummary.hottest(recording, 15)
            .forEach(method -> report.note("hot method under load (JFR): " + method));
      }
      try (ServerUnderTest h2 = ServerUnderTest.start(jar, baselines, List.of("-Xmx256m"), onH2)) {
        scenarios(h2, false);
      }
    }
    if (settings.thorough()) {
      crypto();
    }
    report.write(markdown, json, "Registry Secrets benchmark, " + LocalDate.now());
    System.out.println("Report written to " + markdown + " and " + json);
  }

  private final Map<String, Measurement> medians = new ConcurrentHashMap<>();

  /** Load scenarios; on PostgreSQL with the framework and authentication baselines. */
  private void scenarios(ServerUnderTest server, boolean postgres) throws Exception {
    String store = postgres ? "" : " (H2)";
    ServiceKey admin = ServiceKeys.parse(Files.readString(server.serviceKey()));
    RegistrySecretsClient adminClient = RegistrySecretsClient.create(admin);
    ServiceKey readKey = adminClient.createServiceKey("bench", "editor", "bench reads");
    String readToken = RegistrySecretsClient.create(readKey).tokens().token();
    seed(server, readToken, postgres ? settings.seeded() : 200, postgres);

    for (int connections : CONNECTIONS) {
      if (postgres) {
        alternate(
            "framework ceiling (/bench/ping)",
            "get one",
            connections,
            () -> get(server, "/bench/ping", null),
            () -> get(server, "/v2/admin/dockerRegistrySecrets/seed-42", readToken));
        alternate(
            "get one, authentication off",
            "get one, authenticated",
            connections,
            () -> unauthenticated(server, "/v2/admin/dockerRegistrySecrets/seed-42"),
            () -> get(server, "/v2/admin/dockerRegistrySecrets/seed-42", readToken));
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
        measure(
            "get one" + store,
            connections,
            () -> get(server, "/v2/admin/dockerRegistrySecrets/seed-42", readToken));
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
    if (postgres) {
      double getMax = throughput("get one/32");
      double createMax = throughput("create/32");
      Measurement getAtHalf =
          Load.open(
              "get one at half the maximum rate",
              32,
              settings.duration(),
              getMax / 2,
              get(server, "/v2/admin/dockerRegistrySecrets/seed-42", readToken));
      Measurement createAtHalf =
          Load.open(
              "create at half the maximum rate",
              32,
              settings.duration(),
              createMax / 2,
              create(server, readToken));
      report.add(getAtHalf);
      report.add(createAtHalf);
      report.atMost("p99 of get at half the maximum rate", getAtHalf.p99(), 5, "ms");
      report.atMost("p99 of create at half the maximum rate", createAtHalf.p99(), 25, "ms");
      report.atMost("RSS under load with -Xmx256m", server.rssMegabytes(), 400, "MB");
    }
  }

  private void targets() {
    double ping = throughput("framework ceiling (/bench/ping)/32");
    double get = throughput("get one/32");
    double getOff = throughput("get one, authentication off/32");
    double getOn = throughput("get one, authenticated/32");
    double list50 = throughput("list 50 of " + settings.seeded() + "/32");
    report.atLeast("get one / framework ceiling, 32 connections", get / ping, 0.60, "x");
    report.atLeast(
        "authenticated get / get without authentication, 32 connections",
        getOn / getOff,
        0.90,
        "x");
    report.atLeast("list 50 / framework ceiling, 32 connections", list50 / ping, 0.40, "x");
    report.atLeast(
        "create / pgbench insert, 32 connections",
        throughput("create/32") / throughput("pgbench insert/32"),
        0.70,
        "x");
    report.atLeast(
        "patch / pgbench update, 32 connections",
        throughput("patch with If-Match/32") / throughput("pgbench update/32"),
        0.70,
        "x");
    report.atLeast(
        "delete / pgbench delete, 32 connections",
        throughput("delete/32") / throughput("pgbench delete/32"),
        0.70,
        "x");
  }

  private void databaseCeilings(PgBench pgbench) throws Exception {
    for (int connections : CONNECTIONS) {
      for (String script : List.of("insert", "update", "select", "delete")) {
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
        "shared rate limit: one borrow (UPDATE rate_bucket, synchronous commit), 1 connection (/s)",
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

  private void keep(String name, int connections, List<Measurement> runs) {
    List<Measurement> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(Measurement::throughput));
    Measurement median = sorted.get(sorted.size() / 2);
    String key = name + "/" + connections;
    medians.merge(key, median, (old, fresh) -> fresh);
    report.add(median);
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

  private static final java.util.concurrent.atomic.AtomicLong UNIQUE =
      new java.util.concurrent.atomic.AtomicLong();

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
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
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

  private static final java.net.http.HttpClient SETUP =
      java.net.http.HttpClient.newBuilder()
          .version(java.net.http.HttpClient.Version.HTTP_1_1)
          .build();

  private static void send(HttpRequest request) {
    try {
      SETUP.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void parallel(List<String> items, java.util.function.Consumer<String> action) {
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

  /** Extracts the jar and records a class-data-sharing archive with a training start. */
  private Path prepareCds(Map<String, String> environment) throws Exception {
    Path directory = Files.createTempDirectory("bench-cds-");
    String java = ProcessHandle.current().info().command().orElse("java");
    run(
        new ProcessBuilder(
            java,
            "-Djarmode=tools",
            "-jar",
            jar.toAbsolutePath().toString(),
            "extract",
            "--destination",
            directory.toString()),
        Map.of());
    Path dataDir = Files.createTempDirectory("bench-cds-training-");
    Map<String, String> training = new java.util.HashMap<>(ServerUnderTest.BENCH_SETTINGS);
    training.putAll(environment);
    training.put("REGSECRETS_DATA_DIR", dataDir.toString());
    training.put("REGSECRETS_ADMIN_PASSWORD", "bench-admin-password");
    training.put("SERVER_PORT", Integer.toString(ServerUnderTest.freePort()));
    run(
        new ProcessBuilder(
            java,
            "-XX:ArchiveClassesAtExit=" + directory.resolve("app.jsa"),
            "-Dspring.context.exit=onRefresh",
            "-jar",
            directory.resolve("registry-secrets.jar").toString()),
        training);
    return directory;
  }

  private static List<String> cdsOptions(Path cds) {
    return List.of("-Xmx256m", "-XX:SharedArchiveFile=" + cds.resolve("app.jsa"), "-Xshare:auto");
  }

  private void startupAndMemory(Map<String, String> environment, Path cds) throws Exception {
    for (boolean withCds : List.of(false, true)) {
      List<Double> seconds = new ArrayList<>();
      double rss = 0;
      for (int i = 0; i < settings.repeats(); i++) {
        Path target = withCds ? cds.resolve("registry-secrets.jar") : jar;
        List<String> options = withCds ? cdsOptions(cds) : List.of("-Xmx256m");
        try (ServerUnderTest server =
            ServerUnderTest.start(target, baselines, options, environment)) {
          seconds.add(server.startup.toMillis() / 1000.0);
          rss = server.rssMegabytes();
        }
      }
      seconds.sort(Double::compare);
      double median = seconds.get(seconds.size() / 2);
      String label = withCds ? "with CDS" : "without CDS";
      report.figure("start-up to healthy, " + label + " (s)", median);
      report.figure("RSS at idle, -Xmx256m, " + label + " (MB)", rss);
      if (withCds) {
        report.atMost("start-up to a healthy /actuator/health with CDS", median, 2.5, "s");
      }
    }
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
