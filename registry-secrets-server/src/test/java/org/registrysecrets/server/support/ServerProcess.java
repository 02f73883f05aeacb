package org.registrysecrets.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The real server, started from its executable jar as a separate process on a free loopback port
 * with a working folder of its own (its data folder is {@code ./data} there), as an administrator
 * would run it; it can be stopped gently, killed with SIGKILL and started again on the same folder.
 * Used by the CLI's tests and the crash tests.
 */
public final class ServerProcess implements AutoCloseable {

  /** The Launchpad {@code admin} user's password. */
  public static final String ADMIN_PASSWORD = "process-tests-admin";

  private final Path workDir;
  private final int port;
  private final List<String> wrapper;
  private final List<String> arguments;
  private final Map<String, String> environment;
  private volatile Process process;
  private volatile long logStart;

  private ServerProcess(List<String> wrapper, List<String> arguments, @Nullable Path dataTemplate)
      throws IOException, InterruptedException {
    this.workDir = Files.createTempDirectory("regsecrets-server-").toAbsolutePath();
    if (dataTemplate != null) {
      Path data = Files.createDirectories(workDir.resolve("data"));
      try (var files = Files.list(dataTemplate)) {
        for (Path file : files.toList()) {
          Files.copy(file, data.resolve(file.getFileName()));
        }
      }
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
    this.wrapper = List.copyOf(wrapper);
    this.arguments = List.copyOf(arguments);
    this.environment =
        Map.of(
            "SERVER_PORT",
            Integer.toString(port),
            "REGSECRETS_PUBLIC_URL",
            "http://127.0.0.1:" + port,
            "REGSECRETS_ADMIN_PASSWORD",
            ADMIN_PASSWORD);
    this.process = launch();
  }

  /** Starts the jar in a new folder, with {@code arguments} after the ones every test needs. */
  public static ServerProcess start(String... arguments) throws IOException, InterruptedException {
    return new ServerProcess(List.of(), List.of(arguments), null);
  }

  /**
   * Starts the jar with a copy of {@code dataTemplate}'s files in its data folder: the keys that
   * replicas share (as a Kubernetes Secret would give them), so several processes serve as one.
   */
  public static ServerProcess startReplica(Path dataTemplate, String... arguments)
      throws IOException, InterruptedException {
    return new ServerProcess(List.of(), List.of(arguments), dataTemplate);
  }

  /**
   * Starts the jar with its data folder on a tmpfs of {@code megabytes} in a mount namespace of its
   * own ({@code unshare -m}, as root), so that a test can fill that disk and only that one. The
   * folder is reached from outside through {@code /proc/<pid>/root}.
   */
  public static ServerProcess startWithDataOnTmpfs(int megabytes, String... arguments)
      throws IOException, InterruptedException {
    return new ServerProcess(
        List.of(
            "unshare",
            "-m",
            "sh",
            "-c",
            "mkdir -p data && mount -t tmpfs -o size="
                + megabytes
                + "m,mode=0700 tmpfs data && exec \"$@\"",
            "sh"),
        List.of(arguments),
        null);
  }

  /** Whether this machine lets a test make a mount namespace and mount a tmpfs in it. */
  public static boolean canMountTmpfs() {
    try {
      Process probe =
          new ProcessBuilder(
                  "unshare",
                  "-m",
                  "sh",
                  "-c",
                  "mount -t tmpfs -o size=1m tmpfs /mnt && umount /mnt")
              .redirectErrorStream(true)
              .start();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The data folder, also when it lives in the server's own mount namespace. */
  public Path dataDir() {
    Path data = workDir.resolve("data");
    return wrapper.isEmpty()
        ? data
        : Path.of("/proc", Long.toString(process.pid()), "root", data.toString());
  }

  public Path serviceKeyFile() {
    return dataDir().resolve("service-key.json");
  }

  /** What the server logged since it was last started. */
  public String logSinceStart() throws IOException {
    byte[] all = Files.readAllBytes(log());
    return new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8);
  }

  private Path log() {
    return Path.of("target", "server-process-" + port + ".log");
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  /** Starts the server again on the same folder and port, after a kill or a stop. */
  public void restart() throws IOException, InterruptedException {
    process = launch();
  }

  private Process launch() throws IOException, InterruptedException {
    Path jar = jar();
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = log();
    Files.createDirectories(log.getParent());
    logStart = Files.exists(log) ? Files.size(log) : 0;
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(
        List.of(
            java,
            "@" + jvmOptions(),
            "-Xmx256m",
            "-jar",
            jar.toAbsolutePath().toString(),
            "--server.address=127.0.0.1"));
    // No rate limits unless the test sets them: tests send more than a tenant would.
    for (String limit : List.of("token-requests-per-second", "tenant-requests-per-second")) {
      String option = "--regsecrets.api." + limit + "=";
      if (arguments.stream().noneMatch(argument -> argument.startsWith(option))) {
        command.add(option + "0");
      }
    }
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .directory(workDir.toFile());
    builder.environment().putAll(environment);
    Process started = builder.start();
    awaitHealthy(started, log);
    return started;
  }

  /** The jar the server module packaged, seen from the server's module or a sibling module. */
  public static Path jar() {
    for (Path candidate :
        List.of(
            Path.of("target", "registry-secrets.jar"),
            Path.of("..", "registry-secrets-server", "target", "registry-secrets.jar"))) {
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("registry-secrets.jar is missing: package the server first");
  }

  /** The JVM options the server ships with, beside the module's {@code target} folder. */
  public static Path jvmOptions() {
    return jar().toAbsolutePath().resolve("../../jvm.options").normalize();
  }

  private void awaitHealthy(Process started, Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!started.isAlive()) {
        throw new IllegalStateException("The server exited; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "The server did not become healthy; see " + log.toAbsolutePath());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
