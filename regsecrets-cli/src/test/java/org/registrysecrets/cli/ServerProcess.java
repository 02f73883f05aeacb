package org.registrysecrets.cli;

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

/**
 * The real server, started from its executable jar as a separate process on a free loopback port
 * with a data folder of its own, as an administrator would run it.
 */
final class ServerProcess implements AutoCloseable {

  private static final Path JAR = Path.of("../registry-secrets-server/target/registry-secrets.jar");

  final Path dataDir;
  final int port;
  private final Process process;

  private ServerProcess(Path dataDir, int port, Process process) {
    this.dataDir = dataDir;
    this.port = port;
    this.process = process;
  }

  static ServerProcess start() throws IOException, InterruptedException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build the server first");
    }
    Path dataDir = Files.createTempDirectory("regsecrets-cli-server-");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = Path.of("target", "cli-test-server-" + port + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--server.address=127.0.0.1",
                "--regsecrets.api.token-requests-per-second=0")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(dataDir.toFile());
    // Configured as the README documents it; the data folder is ./data of the working directory.
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("REGSECRETS_PUBLIC_URL", "http://127.0.0.1:" + port);
    builder.environment().put("REGSECRETS_ADMIN_PASSWORD", "cli-tests-admin");
    Process process = builder.start();
    ServerProcess server = new ServerProcess(dataDir, port, process);
    server.awaitHealthy(log);
    return server;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  Path serviceKeyFile() {
    return dataDir.resolve("data").resolve("service-key.json");
  }

  private void awaitHealthy(Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server exited; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && Files.exists(serviceKeyFile())) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "The server did not become healthy; see " + log.toAbsolutePath());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
