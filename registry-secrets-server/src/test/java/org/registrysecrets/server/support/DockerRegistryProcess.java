package org.registrysecrets.server.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} (the CNCF distribution registry) on a free loopback port, with
 * TLS and htpasswd (bcrypt) authentication, started and stopped by the tests.
 */
public final class DockerRegistryProcess implements AutoCloseable {

  public static final String USER = "registry-user";
  public static final String PASSWORD = "Registry-Password-9";

  private final Process process;
  private final int port;
  private final Path htpasswd;

  private DockerRegistryProcess(Process process, int port, Path htpasswd) {
    this.process = process;
    this.port = port;
    this.htpasswd = htpasswd;
  }

  public static DockerRegistryProcess start(TlsMaterial tls) {
    for (String tool :
        new String[] {"/usr/bin/docker-registry", "/usr/bin/htpasswd", "/usr/bin/openssl"}) {
      if (!new File(tool).canExecute()) {
        throw new IllegalStateException(
            tool
                + " is missing: the registry tests need Debian's docker-registry, apache2-utils"
                + " and openssl (bin/test installs them when it may).");
      }
    }
    try {
      Path directory = Files.createTempDirectory("docker-registry-");
      Path htpasswd = directory.resolve("htpasswd");
      Files.write(htpasswd, hash(PASSWORD));
      int port = freePort();
      Path config = directory.resolve("config.yml");
      Files.writeString(
          config,
          String.join(
              "\n",
              List.of(
                  "version: 0.1",
                  "log:",
                  "  level: warn",
                  "storage:",
                  "  filesystem:",
                  "    rootdirectory: " + directory.resolve("storage"),
                  "http:",
                  "  addr: 127.0.0.1:" + port,
                  "  tls:",
                  "    certificate: " + tls.certificate(),
                  "    key: " + tls.key(),
                  "auth:",
                  "  htpasswd:",
                  "    realm: registry-secrets-test",
                  "    path: " + htpasswd,
                  "")));
      Process process =
          new ProcessBuilder("docker-registry", "serve", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("registry.log").toFile())
              .start();
      DockerRegistryProcess registry = new DockerRegistryProcess(process, port, htpasswd);
      registry.awaitListening(directory.resolve("registry.log"));
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Makes {@link #USER}'s password {@code password}: the registry reads its htpasswd file again
   * when the file's modification time changes, as when an administrator rotates a robot account.
   */
  public void changePassword(String password) {
    try {
      Files.write(htpasswd, hash(password));
      Files.setLastModifiedTime(htpasswd, FileTime.from(Instant.now().plusSeconds(2)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hash(String password) throws IOException, InterruptedException {
    Process hash = new ProcessBuilder("htpasswd", "-Bbn", USER, password).start();
    byte[] line = hash.getInputStream().readAllBytes();
    if (hash.waitFor() != 0) {
      throw new IllegalStateException("htpasswd failed");
    }
    return line;
  }

  public int port() {
    return port;
  }

  /**
   * Pushes a small image through the Registry HTTP API, as {@code docker push} would (a config
   * blob, a layer blob, an OCI manifest); no Docker engine needed.
   *
   * @return the manifest's digest
   */
  public String pushImage(TlsMaterial tls, String repository, String tag) {
    HttpClient http = HttpClient.newBuilder().sslContext(tls.clientContext()).build();
    String base = "https://" + host() + "/v2/" + repository;
    byte[] config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] layer = ("layer of " + repository + ":" + tag).getBytes(StandardCharsets.UTF_8);
    String configDigest = upload(http, base, config);
    String layerDigest = upload(http, base, layer);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\""
                + configDigest
                + "\",\"size\":"
                + config.length
                + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                + "\"digest\":\""
                + layerDigest
                + "\",\"size\":"
                + layer.length
                + "}]}")
            .getBytes(StandardCharsets.UTF_8);
    send(
        http,
        HttpRequest.newBuilder(URI.create(base + "/manifests/" + tag))
            .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)),
        201);
    return digest(manifest);
  }

  private String upload(HttpClient http, String base, byte[] blob) {
    HttpResponse<String> started =
        send(
            http,
            HttpRequest.newBuilder(URI.create(base + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()),
            202);
    String location = started.headers().firstValue("Location").orElseThrow();
    URI upload = URI.create("https://" + host()).resolve(location);
    String digest = digest(blob);
    send(
        http,
        HttpRequest.newBuilder(
                URI.create(upload + (upload.getQuery() == null ? "?" : "&") + "digest=" + digest))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)),
        201);
    return digest;
  }

  private static HttpResponse<String> send(
      HttpClient http, HttpRequest.Builder request, int expected) {
    String basic =
        Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          http.send(
              request.header("Authorization", "Basic " + basic).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            "push step answered " + response.statusCode() + ": " + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String digest(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The registry's {@code auths} key. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  private void awaitListening(Path log) throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("docker-registry did not start: " + Files.readString(log));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
