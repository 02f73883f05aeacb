package org.registrysecrets.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Spring Boot jar in its own process on loopback (the server, or the framework-ceiling
 * application), with how long it took to answer.
 */
final class ServerUnderTest implements AutoCloseable {

  private static final String MAIN_CLASS = "org.registrysecrets.server.RegistrySecretsApplication";

  /**
   * A quota no run reaches (five runs of creates at 1 connection alone write about 20,000 secrets
   * into one tenant), no rate limits, quiet logs: the load is the point.
   */
  static final Map<String, String> BENCH_SETTINGS =
      Map.of(
          "REGSECRETS_SECRETS_MAX_COUNT", "1000000",
          "REGSECRETS_API_TENANT_REQUESTS_PER_SECOND", "0",
          "REGSECRETS_API_TOKEN_REQUESTS_PER_SECOND", "0",
          "LOGGING_LEVEL_ROOT", "WARN",
          "LOGGING_LEVEL_ORG_REGISTRYSECRETS", "WARN");

  final int port;

  /** The server's data folder (REGSECRETS_DATA_DIR). */
  final Path dataDir;

  final Duration startup;
  private final Process process;

  /** The JVM's log of its collections, one line per pause with the wall-clock time it ended. */
  private final Path gcLog;

  private ServerUnderTest(int port, Path dataDir, Duration startup, Process process, Path gcLog) {
    this.port = port;
    this.dataDir = dataDir;
    this.startup = startup;
    this.process = process;
    this.gcLog = gcLog;
  }

  /** The server on the benchmark's own JDK. */
  static ServerUnderTest start(
      Path jar, Path baselines, List<String> jvmOptions, Map<String, String> environment)
      throws IOException, InterruptedException {
    return start(currentJava(), jar, baselines, jvmOptions, environment);
  }

  /**
   * Starts the server {@code jar} on {@code java} with the benchmark's baselines on its classpath:
   * beside a fat jar through Spring Boot's {@code PropertiesLauncher} and {@code loader.path},
   * beside an extracted (thin) jar on the plain class path. Without baselines ({@code null}) it is
   * the jar as shipped, which alone builds its context from Spring AOT's definitions: the baselines
   * add an auto-configuration the build did not see, so with them it builds from the classes.
   */
  static ServerUnderTest start(
      String java,
      Path jar,
      @Nullable Path baselines,
      List<String> jvmOptions,
      Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    if (baselines == null) {
      command.addAll(List.of("-jar", jar.toString()));
    } else if (Files.isDirectory(jar.toAbsolutePath().resolveSibling("lib"))) {
      command.addAll(List.of("-cp", jar + File.pathSeparator + baselines, MAIN_CLASS));
    } else {
      command.addAll(
          List.of(
              "-cp",
              jar.toString(),
              "-Dloader.path=" + baselines.toAbsolutePath(),
              "-Dloader.main=" + MAIN_CLASS,
              "org.springframework.boot.loader.launch.PropertiesLauncher"));
    }
    // Its start-up line says whether the context came from Spring AOT ("AOT-processed").
    command.add("--logging.level." + MAIN_CLASS + "=INFO");
    Map<String, String> settings = new HashMap<>(BENCH_SETTINGS);
    settings.putAll(environment);
    settings.put("REGSECRETS_ADMIN_PASSWORD", "bench-admin-password");
    ServerUnderTest server = launch(command, settings, "/actuator/health");
    server.awaitServiceKey();
    return server;
  }

  /** The framework's ceiling ({@code registry-secrets-bench-hello}), started like the server. */
  static ServerUnderTest hello(String java, Path jar, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    return launch(command, Map.of("LOGGING_LEVEL_ROOT", "WARN"), "/hello");
  }

  private static ServerUnderTest launch(
      List<String> command, Map<String, String> environment, String readyPath)
      throws IOException, InterruptedException {
    int port = freePort();
    Path logs = Files.createTempDirectory("bench-server-");
    List<String> arguments = new ArrayList<>(command);
    Path gcLog = logs.resolve("gc.log");
    arguments.add(1, "-Xlog:gc:file=" + gcLog + ":time");
    arguments.add("--server.address=127.0.0.1");
    ProcessBuilder builder =
        new ProcessBuilder(arguments)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("server.log").toFile());
    builder.environment().put("REGSECRETS_DATA_DIR", logs.resolve("data").toString());
    builder.environment().putAll(environment); // a restart passes the data folder it keeps
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    long started = System.nanoTime();
    Process process = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + readyPath)).build();
    long deadline = started + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The server exited: " + Files.readString(logs.resolve("server.log")));
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return new ServerUnderTest(
              port,
              Path.of(builder.environment().get("REGSECRETS_DATA_DIR")),
              Duration.ofNanos(System.nanoTime() - started),
              process,
              gcLog);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The server did not become healthy");
  }

  static String currentJava() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  Path serviceKey() {
    return dataDir.resolve("service-key.json");
  }

  /** Whether this start built its context from Spring AOT's generated definitions. */
  boolean springAot() throws IOException {
    return Files.readString(gcLog.resolveSibling("server.log")).contains("Starting AOT-processed");
  }

  /** Resident memory in MB, from /proc. */
  double rssMegabytes() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /** The collections whose pause ended between two wall-clock times, in epoch milliseconds. */
  GcPauses gcPauses(long fromMillis, long toMillis) throws IOException {
    int count = 0;
    double longest = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher pause = GC_PAUSE.matcher(line);
      if (pause.matches()) {
        long at = OffsetDateTime.parse(pause.group(1), GC_TIME).toInstant().toEpochMilli();
        if (at >= fromMillis && at <= toMillis) {
          count++;
          longest = Math.max(longest, Double.parseDouble(pause.group(2)));
        }
      }
    }
    return new GcPauses(count, longest);
  }

  /** How many collections paused the server, and the longest pause in milliseconds. */
  record GcPauses(int count, double longestMillis) {}

  /** {@code [2026-12-07T12:00:00.123+0000] GC(7) Pause Young (Allocation Failure) ... 3.456ms}. */
  private static final Pattern GC_PAUSE =
      Pattern.compile("^\\[([^\\]]+)\\] GC\\(\\d+\\) Pause .* ([0-9.]+)ms$");

  private static final DateTimeFormatter GC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private void awaitServiceKey() throws InterruptedException {
    for (int i = 0; i < 500 && !Files.exists(serviceKey()); i++) {
      Thread.sleep(20);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** SIGTERM; a training start writes its archive or AOT cache as it exits, which takes a while. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
