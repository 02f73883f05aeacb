package org.registrysecrets.server.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.dockerconfig.RegistryKey;
import org.registrysecrets.api.json.JsonMappers;
import org.registrysecrets.server.outbound.AddressGuard;
import org.registrysecrets.server.outbound.ForbiddenAddressException;
import org.registrysecrets.server.outbound.GuardedHttpClients;
import org.registrysecrets.server.outbound.NameResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What both registry checks share: an HTTP client that connects only to allowed addresses (the SSRF
 * guard sits in its resolver), trusts the configured CAs, follows no redirect, reads answers only
 * up to a small size and times out; the registry's base URL; the Bearer token request; the words
 * for a failure; and running checks in parallel within the overall timeout. Nothing here logs a
 * credential or token.
 */
final class RegistryHttp implements AutoCloseable {

  private static final String DOCKER_HUB_API = "https://registry-1.docker.io";
  private static final JsonMapper JSON = JsonMappers.builder().build();

  /** An IPv4 address as four decimal numbers without leading zeros, the one unambiguous form. */
  private static final java.util.regex.Pattern DOTTED_QUAD =
      java.util.regex.Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  private final VerifyProperties properties;
  private final AddressGuard guard;
  private final CloseableHttpClient http;
  private final ExecutorService workers = Executors.newFixedThreadPool(8, daemonThreads());

  RegistryHttp(VerifyProperties properties, NameResolver names) {
    this.properties = properties;
    this.guard = new AddressGuard(properties.allowedHosts(), "regsecrets.verify.allowed-hosts");
    this.http =
        GuardedHttpClients.create(
            guard,
            names,
            properties.caFile(),
            properties.connectTimeout(),
            properties.timeout(),
            "registry-secrets-credential-check");
  }

  /**
   * The registry's base URL for a key's host: Docker Hub's API host, {@code http://} for the
   * configured insecure registries, else {@code https://}.
   *
   * @throws Refusal for a key that names {@code http://} without the registry being listed
   */
  String baseUrl(RegistryKey key) {
    if (key.normalized().equals(RegistryKey.DOCKER_HUB)) {
      return DOCKER_HUB_API;
    }
    requireConnectableHost(key.host());
    if (properties.insecureRegistries().stream().anyMatch(r -> r.equalsIgnoreCase(key.host()))) {
      return "http://" + key.host();
    }
    if (key.plainHttp()) {
      throw new Refusal(
          Refusal.Kind.TLS,
          "plain http is not allowed; use https, or list "
              + key.host()
              + " in regsecrets.verify.insecure-registries");
    }
    return "https://" + key.host();
  }

  /**
   * Refuses a host that {@link URI} cannot read as a host name, such as {@code 127.1}, {@code
   * 127.0.0.1.} or {@code 0x7f.0.0.1}: resolvers read such forms in different ways, so none is
   * connected to.
   */
  private static void requireConnectableHost(String hostAndPort) {
    String host;
    try {
      host = new URI("https://" + hostAndPort + "/").getHost();
    } catch (URISyntaxException e) {
      host = null;
    }
    if (host == null || (host.matches("[0-9.]+") && !DOTTED_QUAD.matcher(host).matches())) {
      throw new Refusal(
          Refusal.Kind.UNREACHABLE,
          hostAndPort
              + " is not a host name this server connects to; write a DNS name, an IPv4 address"
              + " as four decimal numbers without a trailing dot, or an IPv6 address in brackets");
    }
  }

  Answer get(URI uri, @Nullable String authorization) throws IOException {
    return send(new HttpGet(uri), authorization);
  }

  Answer head(URI uri, @Nullable String authorization, String accept) throws IOException {
    HttpHead request = new HttpHead(uri);
    request.setHeader("Accept", accept);
    return send(request, authorization);
  }

  /**
   * A Bearer token from the challenge's realm for {@code account}, with {@code scope} (or the
   * challenge's own).
   *
   * @throws Refusal {@link Refusal#CREDENTIALS} if the token service refused the credentials,
   *     {@link Refusal#PROTOCOL} if it answered nothing usable, {@link Refusal#TLS} for a
   *     plain-http realm
   */
  String bearerToken(
      AuthenticateChallenge challenge,
      @Nullable String account,
      @Nullable String authorization,
      @Nullable String scope)
      throws IOException {
    String realm = challenge.parameter("realm");
    if (realm == null || !(realm.startsWith("https://") || realm.startsWith("http://"))) {
      throw new Refusal(Refusal.Kind.PROTOCOL, "the Bearer challenge names no usable token realm");
    }
    StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    List<String> parameters = new ArrayList<>();
    if (account != null) {
      parameters.add("account=" + encode(account));
    }
    String service = challenge.parameter("service");
    if (service != null) {
      parameters.add("service=" + encode(service));
    }
    String wanted = scope != null ? scope : challenge.parameter("scope");
    if (wanted != null) {
      parameters.add("scope=" + encode(wanted));
    }
    URI tokenUri = URI.create(url.append(String.join("&", parameters)).toString());
    if (tokenUri.getScheme().equals("http")
        && properties.insecureRegistries().stream()
            .noneMatch(r -> r.equalsIgnoreCase(tokenUri.getAuthority()))) {
      throw new Refusal(Refusal.Kind.TLS, "the token realm uses plain http, which is not allowed");
    }
    Answer token = get(tokenUri, authorization);
    if (token.status() == 401 || token.status() == 403) {
      throw new Refusal(
          Refusal.Kind.CREDENTIALS, "the token service refused the user name or password");
    }
    if (token.status() != 200) {
      throw new Refusal(Refusal.Kind.PROTOCOL, "the token service answered " + token.status());
    }
    String value;
    try {
      JsonNode body = JSON.readTree(token.body());
      value = body.path("token").asString(body.path("access_token").asString(""));
    } catch (RuntimeException e) {
      value = "";
    }
    if (value.isEmpty()) {
      throw new Refusal(Refusal.Kind.PROTOCOL, "the token service answered without a token");
    }
    return value;
  }

  /** Why a connection failed, in words that quote no secret: {@link Refusal#TLS} or unreachable. */
  Refusal failure(Exception e, String host) {
    if (e instanceof Refusal refusal) {
      return refusal;
    }
    if (e instanceof ForbiddenAddressException) {
      return new Refusal(Refusal.Kind.UNREACHABLE, "refused to connect: " + e.getMessage());
    }
    if (e instanceof UnknownHostException) {
      return new Refusal(Refusal.Kind.UNREACHABLE, "unknown host " + host);
    }
    if (e instanceof SSLException) {
      return new Refusal(
          Refusal.Kind.TLS, "TLS failed: " + printable(String.valueOf(e.getMessage())));
    }
    if (e instanceof SocketTimeoutException) {
      return new Refusal(Refusal.Kind.UNREACHABLE, "no answer within " + seconds());
    }
    return new Refusal(Refusal.Kind.UNREACHABLE, "cannot connect: " + e.getClass().getSimpleName());
  }

  /**
   * Runs {@code checks} in parallel within the overall timeout; a check that did not finish gets
   * {@code late}'s answer.
   */
  <T, I> List<T> inParallel(List<I> items, Check<I, T> check, BiFunction<I, String, T> late) {
    List<Callable<T>> tasks = new ArrayList<>();
    for (I item : items) {
      tasks.add(() -> check.run(item));
    }
    List<T> results = new ArrayList<>();
    try {
      List<Future<T>> futures =
          workers.invokeAll(tasks, properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
      for (int i = 0; i < futures.size(); i++) {
        results.add(outcome(futures.get(i), items.get(i), late));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while checking registries", e);
    }
    return results;
  }

  /** One check of one item. */
  @FunctionalInterface
  interface Check<I, T> {
    T run(I item) throws Exception;
  }

  static String printable(String text) {
    String cleaned = text.replaceAll("[^\\x20-\\x7e]", "?");
    return cleaned.length() > 160 ? cleaned.substring(0, 160) + "..." : cleaned;
  }

  @Override
  public void close() throws IOException {
    workers.shutdownNow();
    http.close();
  }

  private <T, I> T outcome(Future<T> future, I item, BiFunction<I, String, T> late) {
    try {
      return future.get();
    } catch (CancellationException e) {
      return late.apply(item, "no answer within " + seconds());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return late.apply(
          item,
          "the check failed: " + (cause == null ? "unknown" : cause.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return late.apply(item, "interrupted");
    }
  }

  private Answer send(HttpUriRequestBase request, @Nullable String authorization)
      throws IOException {
    URI uri;
    try {
      uri = request.getUri();
    } catch (URISyntaxException e) {
      throw new IOException("Invalid URI", e);
    }
    guard.requirePortAllowed(uri.getHost(), port(uri));
    if (authorization != null) {
      request.setHeader("Authorization", authorization);
    }
    long max = properties.maxResponseSize().toBytes();
    return http.execute(
        request,
        response -> {
          byte[] body = new byte[0];
          if (response.getEntity() != null) {
            try (InputStream in = response.getEntity().getContent()) {
              body = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE));
            }
          }
          Header api = response.getFirstHeader("Docker-Distribution-API-Version");
          return new Answer(
              response.getCode(),
              header(response.getFirstHeader("WWW-Authenticate")),
              api != null && api.getValue().toLowerCase(Locale.ROOT).startsWith("registry/2"),
              new String(body, StandardCharsets.UTF_8),
              header(response.getFirstHeader("Docker-Content-Digest")),
              header(response.getFirstHeader("Content-Type")));
        });
  }

  private static @Nullable String header(@Nullable Header header) {
    return header == null ? null : printable(header.getValue());
  }

  /** What one request returned. */
  record Answer(
      int status,
      @Nullable String authenticate,
      boolean isRegistry,
      String body,
      @Nullable String digest,
      @Nullable String contentType) {}

  /** A check ended with a known outcome, and the reason in words. */
  static final class Refusal extends RuntimeException {

    /** What kind of outcome: each check names it in its own words. */
    enum Kind {
      TLS,
      UNREACHABLE,
      CREDENTIALS,
      PROTOCOL
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    Refusal(Kind kind, String reason) {
      super(reason, null, false, false);
      this.kind = kind;
    }

    Kind kind() {
      return kind;
    }

    String reason() {
      return String.valueOf(getMessage());
    }
  }

  private String seconds() {
    return properties.timeout().toSeconds() + " s";
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("http") ? 80 : 443;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "registry-check");
      thread.setDaemon(true);
      return thread;
    };
  }
}
