package org.registrysecrets.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Small HTTPS servers on loopback that play the parts docker-registry cannot: a registry with a
 * Bearer token service (whose tokens may pull only {@link #ALLOWED_REPOSITORY}), a registry that
 * needs no credentials, and a web server that is no registry.
 */
public final class FakeRegistryServer implements AutoCloseable {

  /** Which part the server plays. */
  public enum Kind {
    BEARER,
    ANONYMOUS,
    NOT_A_REGISTRY
  }

  public static final String USER = "token-user";
  public static final String PASSWORD = "Token-Password-7";
  private static final String TOKEN = "test-registry-token";

  /** The one repository the Bearer registry's tokens may pull, with its one tag. */
  public static final String ALLOWED_REPOSITORY = "team/allowed";

  public static final String ALLOWED_TAG = "1.0";
  public static final String ALLOWED_DIGEST = "sha256:" + "ab".repeat(32);
  private static final String PULL_TOKEN = TOKEN + "-pull-" + ALLOWED_REPOSITORY.replace('/', '-');

  private final HttpsServer server;

  private FakeRegistryServer(HttpsServer server) {
    this.server = server;
  }

  public static FakeRegistryServer start(TlsMaterial tls, Kind kind) {
    try {
      HttpsServer server =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
      int port = server.getAddress().getPort();
      server.createContext(
          "/",
          exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (kind) {
              case ANONYMOUS ->
                  respond(exchange, 200, "{}", "Docker-Distribution-API-Version", "registry/2.0");
              case NOT_A_REGISTRY -> respond(exchange, 404, "<html>Not here</html>", null, null);
              case BEARER -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (path.equals("/token")) {
                  String expected =
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
                  boolean ok =
                      expected.equals(authorization)
                          && exchange.getRequestURI().getQuery().contains("service=fake-registry");
                  boolean pull =
                      exchange
                          .getRequestURI()
                          .getQuery()
                          .contains("scope=repository:" + ALLOWED_REPOSITORY + ":pull");
                  respond(
                      exchange,
                      ok ? 200 : 401,
                      ok ? "{\"token\":\"" + (pull ? PULL_TOKEN : TOKEN) + "\"}" : "{}",
                      null,
                      null);
                } else if (authorization != null && authorization.startsWith("Bearer " + TOKEN)) {
                  // Any token logs in; only the pull token reads the allowed repository.
                  if (path.equals("/v2/")) {
                    respond(exchange, 200, "{}", "Docker-Distribution-API-Version", "registry/2.0");
                  } else if (path.equals("/v2/" + ALLOWED_REPOSITORY + "/manifests/" + ALLOWED_TAG)
                      && authorization.equals("Bearer " + PULL_TOKEN)) {
                    exchange
                        .getResponseHeaders()
                        .add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
                    respond(exchange, 200, "", "Docker-Content-Digest", ALLOWED_DIGEST);
                  } else {
                    challenge(exchange, port, ",error=\"insufficient_scope\"");
                  }
                } else {
                  challenge(exchange, port, "");
                }
              }
            }
          });
      server.start();
      return new FakeRegistryServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** A 401 asking for a Bearer token from this server's token service. */
  private static void challenge(HttpExchange exchange, int port, String extra) throws IOException {
    respond(
        exchange,
        401,
        "{}",
        "WWW-Authenticate",
        "Bearer realm=\"https://127.0.0.1:" + port + "/token\",service=\"fake-registry\"" + extra);
  }

  private static void respond(
      HttpExchange exchange, int status, String body, String header, String value)
      throws IOException {
    if (header != null) {
      exchange.getResponseHeaders().add(header, value);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (exchange.getRequestMethod().equals("HEAD") || bytes.length == 0) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
