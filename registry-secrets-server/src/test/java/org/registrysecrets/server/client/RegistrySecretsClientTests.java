package org.registrysecrets.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.ApiException;
import org.registrysecrets.client.ApiUnreachableException;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.client.TokenRequestException;
import org.registrysecrets.client.Versioned;
import org.registrysecrets.server.support.MutableClock;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.support.TestData;

/** The plain-Java client against the real server: tokens, calls, errors and timeouts. */
class RegistrySecretsClientTests extends ServerTestBase {

  private ServiceKey key;

  @BeforeEach
  void key() {
    key = serviceKey("client-" + UUID.randomUUID(), "editor");
  }

  @Test
  void reusesATokenUntilShortlyBeforeItExpires() {
    MutableClock clock = new MutableClock(Instant.now());
    RegistrySecretsClient client = RegistrySecretsClient.builder(key).clock(clock).build();

    String first = client.tokens().token();
    String again = client.tokens().token();
    clock.advance(Duration.ofMinutes(58));
    String stillCached = client.tokens().token();
    clock.advance(Duration.ofSeconds(90));
    String renewed = client.tokens().token();

    assertThat(again).isSameAs(first);
    assertThat(stillCached).isSameAs(first);
    assertThat(renewed).isNotEqualTo(first);
  }

  @Test
  void managesSecretsAndReadsTheEtag() {
    RegistrySecretsClient client = RegistrySecretsClient.create(key);
    String config = TestData.dockerConfig("r.io", "client-user", "client-pw");

    assertThat(client.create("via-client", config).message()).isEqualTo("Secret has been created");
    Versioned<DockerRegistrySecretMetadata> read = client.get("via-client");
    assertThat(read.etag()).isEqualTo("\"1\"");
    assertThat(client.modify("via-client", config, read.etag()).message())
        .isEqualTo("Secret has been modified");
    assertThat(client.list(null, null, true).count()).isEqualTo(1);
    assertThat(client.quota().usage().count()).isEqualTo(1);
    assertThatThrownBy(() -> client.modify("via-client", config, read.etag()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(412));
    assertThat(client.delete("via-client", null).message())
        .isEqualTo("Docker Registry Secret has been deleted");
  }

  @Test
  void mapsApiErrorsToTypedExceptionsWithTheErrorBody() {
    RegistrySecretsClient client = RegistrySecretsClient.create(key);

    assertThatThrownBy(() -> client.get("not-there"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("NotFound");
              assertThat(e.getMessage()).contains("not-there");
              assertThat(e.requestId()).isNotBlank();
            });
    assertThatThrownBy(() -> client.create("bad", "{\"auths\":{}}"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("BadRequest"));
    assertThatThrownBy(() -> client.serviceKeys())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void reportsARefusedServiceKey() {
    ServiceKey wrong =
        new ServiceKey(
            key.clientid(),
            "wrong-secret",
            key.url(),
            key.identityzone(),
            key.identityzoneid(),
            key.serviceurls());

    assertThatThrownBy(() -> RegistrySecretsClient.create(wrong).list(null, null, false))
        .isInstanceOfSatisfying(
            TokenRequestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.getMessage()).doesNotContain("wrong-secret");
            });
  }

  @Test
  void givesUpOnAnApiThatIsDownOrSilent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ServiceKey down = keyFor("http://127.0.0.1:" + closedPort);

    assertThatThrownBy(() -> RegistrySecretsClient.create(down).list(null, null, false))
        .isInstanceOf(ApiUnreachableException.class);

    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      AtomicReference<Socket> accepted = new AtomicReference<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  accepted.set(silent.accept());
                } catch (IOException e) {
                  // closed by the test
                }
              });
      acceptor.start();
      RegistrySecretsClient client =
          RegistrySecretsClient.builder(keyFor("http://127.0.0.1:" + silent.getLocalPort()))
              .requestTimeout(Duration.ofMillis(500))
              .build();
      long started = System.nanoTime();

      assertThatThrownBy(() -> client.list(null, null, false))
          .isInstanceOf(ApiUnreachableException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void stopsReadingAnAnswerAtTheCap() throws IOException {
    HttpServer huge = answering(exchange -> sendBytes(exchange, 64L * 1024 * 1024, 0));
    try {
      String url = "http://127.0.0.1:" + huge.getAddress().getPort();
      RegistrySecretsClient client = RegistrySecretsClient.builder(url, () -> "token").build();
      long started = System.nanoTime();

      assertThatThrownBy(() -> client.list(null, null, false))
          .isInstanceOf(ApiUnreachableException.class)
          .hasMessageContaining("more than 4096 KB");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThatThrownBy(() -> RegistrySecretsClient.create(keyFor(url)).list(null, null, false))
          .isInstanceOf(ApiUnreachableException.class)
          .hasMessageContaining("more than 64 KB");
    } finally {
      huge.stop(0);
    }
  }

  @Test
  void boundsTheWholeExchangeNotOnlyTheHeaders() throws IOException {
    // Headers at once, then one byte every 200 ms: the JDK's request timeout never fires.
    HttpServer dripping = answering(exchange -> sendBytes(exchange, 1_000, 200));
    try {
      RegistrySecretsClient client =
          RegistrySecretsClient.builder(
                  "http://127.0.0.1:" + dripping.getAddress().getPort(), () -> "token")
              .requestTimeout(Duration.ofSeconds(1))
              .build();
      long started = System.nanoTime();

      assertThatThrownBy(() -> client.list(null, null, false))
          .isInstanceOf(ApiUnreachableException.class)
          .hasMessageContaining("did not finish answering within 1 s");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    } finally {
      dripping.stop(0);
    }
  }

  /** A loopback HTTP server that answers every request with {@code handler}. */
  private static HttpServer answering(HttpHandler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", handler);
    server.start();
    return server;
  }

  /** Sends {@code total} bytes of JSON-looking text, pausing {@code pauseMillis} between bytes. */
  private static void sendBytes(HttpExchange exchange, long total, long pauseMillis) {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      byte[] chunk = new byte[pauseMillis > 0 ? 1 : 64 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      for (long sent = 0; sent < total; sent += chunk.length) {
        body.write(chunk);
        body.flush();
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis);
        }
      }
    } catch (IOException e) {
      // the client stopped reading, as it should
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ServiceKey keyFor(String url) {
    return new ServiceKey(
        key.clientid(),
        key.clientsecret(),
        url,
        key.identityzone(),
        key.identityzoneid(),
        new ServiceKey.ServiceUrls(url));
  }
}
