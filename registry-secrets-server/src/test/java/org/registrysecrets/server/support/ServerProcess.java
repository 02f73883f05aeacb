package org.registrysecrets.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server, started from its executable jar as a separate process on a free loopback port
 * with a working folder of its own (its data folder is {@code ./data} there), as an administrator
 * would run it; it can be stopped gently, killed with SIGKILL and started again on the same folder.
 * Used by the CLI's tests and the crash tests.
 */
public final class ServerProcess implements AutoCloseable {

  private final Path workDir;
  private final int port;
  private final List<String> arguments;
  private final Map<String, String> environment;
  private Process process;

  private ServerProcess(
      Path workDir, int port, List<String> arguments, Map<String, String> environment)
      throws IOException, InterruptedException {
    this.workDir = workDir;
    this.port = port;
    this.arguments = List.copyOf(arguments);
    this.environment = Map.copyOf(environment);
    this.process = launch();
  }

  /** Starts the jar in a new folder, with {@code arguments} after the ones every test needs. */
  public static ServerProcess start(String... arguments) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return new ServerProcess(
        Files.createTempDirectory("regsecrets-server-"),
        port,
        List.of(arguments),
        Map.of(
            "SERVER_PORT",
            Integer.toString(port),
            "REGSECRETS_PUBLIC_URL",
            "http://127.0.0.1:" + port,
            "REGSECRETS_ADMIN_PASSWORD",
            "process-tests-admin"));
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Path dataDir() {
    return workDir.resolve("data");
  }

  public Path serviceKeyFile() {
    return dataDir().resolve("service-key.json");
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
    Path log = Path.of("target", "server-process-" + port + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-Xmx256m",
            "-jar",
            jar.toAbsolutePath().toString(),
            "--server.address=127.0.0.1",
            "--regsecrets.api.token-requests-per-second=0"));
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
  private static Path jar() {
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
