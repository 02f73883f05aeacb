package org.registrysecrets.server.launchpad.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.ApiUnreachableException;
import org.registrysecrets.server.support.ServerTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** A connection's secret goes only where it was entered for, and slow servers hold no database. */
class ConnectionSafetyTests extends ServerTestBase {

  @Autowired ConnectionService connections;

  @Test
  void changingAConnectionsUrlsNeedsItsSecretAgain() throws IOException {
    ServiceKey key = serviceKey("conn-" + UUID.randomUUID(), "viewer");
    String name = "moved-" + UUID.randomUUID().toString().substring(0, 8);
    String self = "http://127.0.0.1:" + port;
    connections.create(new ConnectionForm(name, self, self, key.clientid(), key.clientsecret()));
    AtomicInteger requests = new AtomicInteger();
    HttpServer elsewhere = server(exchange -> requests.incrementAndGet());
    try {
      String other = "http://127.0.0.1:" + elsewhere.getAddress().getPort();

      assertThatThrownBy(
              () ->
                  connections.update(
                      name, new ConnectionForm(name, other, other, key.clientid(), "")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("Enter the clientsecret again");
      assertThatThrownBy(
              () ->
                  connections.update(name, new ConnectionForm(name, self, self, "another-id", "")))
          .isInstanceOf(InvalidInputException.class);
      assertThat(requests).hasValue(0);
      assertThat(connections.get(name).aiApiUrl()).isEqualTo(self);
      // Unchanged URLs keep the stored secret.
      connections.update(name, new ConnectionForm(name, self, self, key.clientid(), ""));
    } finally {
      elsewhere.stop(0);
    }
  }

  @Test
  void testingConnectionsAgainstASlowServerHoldsNoDatabaseConnection() throws Exception {
    // Answers nothing for 20 s: each connection test waits for the client's 10 s deadline.
    HttpServer slow = server(exchange -> sleep(Duration.ofSeconds(20)));
    String url = "http://127.0.0.1:" + slow.getAddress().getPort();
    ExecutorService testers = Executors.newFixedThreadPool(20);
    try {
      List<Future<?>> tests = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String name = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        tests.add(
            testers.submit(
                () -> connections.create(new ConnectionForm(name, url, url, "id", "secret"))));
      }
      sleep(Duration.ofSeconds(2));
      String token = token("conn-fast-" + UUID.randomUUID(), "viewer");
      long started = System.nanoTime();

      int status = api.get("/v2/admin/dockerRegistrySecrets", token).status();

      assertThat(status).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
      for (Future<?> test : tests) {
        // Either the JDK's header timeout or the client's whole-exchange deadline ends it.
        assertThatThrownBy(test::get).hasCauseInstanceOf(ApiUnreachableException.class);
      }
    } finally {
      testers.shutdownNow();
      slow.stop(0);
    }
  }

  private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          handler.handle(exchange);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
