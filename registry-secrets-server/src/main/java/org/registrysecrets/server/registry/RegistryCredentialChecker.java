package org.registrysecrets.server.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.dockerconfig.RegistryCredential;
import org.registrysecrets.api.dockerconfig.RegistryKey;
import org.registrysecrets.api.wire.RegistryCheckResult;
import org.springframework.beans.factory.DisposableBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs in to each registry of a Docker config the way {@code docker login} does: {@code GET /v2/};
 * on a Basic challenge, again with the credentials; on a Bearer challenge, a token from the realm
 * with the credentials, then {@code GET /v2/} with it. All registries are checked in parallel
 * within {@code regsecrets.verify.timeout}. Redirects are not followed, responses are read only up
 * to a small size, and nothing here logs a credential or token.
 */
public class RegistryCredentialChecker implements DisposableBean {

  private static final String DOCKER_HUB_API = "https://registry-1.docker.io";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final VerifyProperties properties;
  private final AddressGuard guard;
  private final CloseableHttpClient http;
  private final ExecutorService workers = Executors.newFixedThreadPool(8, daemonThreads());

  /**
   * @param names resolves host names; tests pass their own so that no packet leaves loopback
   */
  RegistryCredentialChecker(VerifyProperties properties, NameResolver names) {
    this.properties = properties;
    this.guard = new AddressGuard(properties.allowedHosts());
    SSLContext tls = TrustedCertificates.sslContext(properties.caFile());
    Timeout connect = Timeout.of(properties.connectTimeout());
    Timeout read = Timeout.of(properties.timeout());
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new GuardedDnsResolver(names, guard))
                    .setTlsSocketStrategy(
                        ClientTlsStrategyBuilder.create().setSslContext(tls).buildClassic())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(connect)
                            .setSocketTimeout(read)
                            .build())
                    .setMaxConnTotal(32)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(read).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent("registry-secrets-credential-check")
            .build();
  }

  /** Checks every registry of {@code config}; one result per {@code auths} entry, in order. */
  public List<RegistryCheckResult> check(DockerConfigJson config) {
    List<RegistryCredential> entries = config.credentials();
    List<Callable<RegistryCheckResult>> checks = new ArrayList<>();
    for (RegistryCredential entry : entries) {
      checks.add(() -> check(entry));
    }
    List<RegistryCheckResult> results = new ArrayList<>();
    try {
      List<Future<RegistryCheckResult>> futures =
          workers.invokeAll(checks, properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
      for (int i = 0; i < futures.size(); i++) {
        results.add(outcome(futures.get(i), entries.get(i)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while checking registries", e);
    }
    return results;
  }

  private RegistryCheckResult outcome(
      Future<RegistryCheckResult> future, RegistryCredential entry) {
    try {
      return future.get();
    } catch (CancellationException e) {
      return result(
          entry,
          RegistryCheckResult.UNREACHABLE,
          "no answer within " + seconds(properties.timeout()));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return result(
          entry,
          RegistryCheckResult.UNREACHABLE,
          "the check failed: " + (cause == null ? "unknown" : cause.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return result(entry, RegistryCheckResult.UNREACHABLE, "interrupted");
    }
  }

  private RegistryCheckResult check(RegistryCredential entry) {
    RegistryKey key = RegistryKey.parse(entry.registry());
    String base;
    if (key.normalized().equals(RegistryKey.DOCKER_HUB)) {
      base = DOCKER_HUB_API;
    } else if (properties.insecureRegistries().stream()
        .anyMatch(r -> r.equalsIgnoreCase(key.host()))) {
      base = "http://" + key.host();
    } else if (key.plainHttp()) {
      return result(
          entry,
          RegistryCheckResult.TLS_ERROR,
          "plain http is not allowed; use https, or list "
              + key.host()
              + " in regsecrets.verify.insecure-registries");
    } else {
      base = "https://" + key.host();
    }
    try {
      Answer probe = get(URI.create(base + "/v2/"), null);
      if (probe.status() == 200) {
        return probe.isRegistry()
            ? result(
                entry, RegistryCheckResult.ANONYMOUS, "the registry answers without credentials")
            : result(
                entry,
                RegistryCheckResult.NOT_A_REGISTRY,
                "GET /v2/ answered 200 without a registry header");
      }
      AuthenticateChallenge challenge = AuthenticateChallenge.parse(probe.authenticate());
      if (probe.status() != 401 || challenge == null) {
        return result(
            entry,
            RegistryCheckResult.NOT_A_REGISTRY,
            "GET /v2/ answered " + probe.status() + ", not a registry login challenge");
      }
      String basic = entry.basicAuthorization();
      if (basic == null) {
        return result(
            entry,
            RegistryCheckResult.INVALID_CREDENTIALS,
            "the registry wants credentials, and the entry has no user name and password");
      }
      if (challenge.scheme().equals("basic")) {
        return loggedIn(entry, get(URI.create(base + "/v2/"), basic), "user name or password");
      }
      if (challenge.scheme().equals("bearer")) {
        return bearer(entry, base, challenge, basic);
      }
      return result(
          entry,
          RegistryCheckResult.NOT_A_REGISTRY,
          "unknown authentication scheme " + printable(challenge.scheme()));
    } catch (GuardedDnsResolver.ForbiddenAddressException e) {
      return result(
          entry, RegistryCheckResult.UNREACHABLE, "refused to connect: " + e.getMessage());
    } catch (UnknownHostException e) {
      return result(entry, RegistryCheckResult.UNREACHABLE, "unknown host " + key.host());
    } catch (SSLException e) {
      return result(
          entry,
          RegistryCheckResult.TLS_ERROR,
          "TLS failed: " + printable(String.valueOf(e.getMessage())));
    } catch (SocketTimeoutException e) {
      return result(
          entry,
          RegistryCheckResult.UNREACHABLE,
          "no answer within " + seconds(properties.timeout()));
    } catch (IOException | IllegalArgumentException e) {
      return result(
          entry,
          RegistryCheckResult.UNREACHABLE,
          "cannot connect: " + e.getClass().getSimpleName());
    }
  }

  private RegistryCheckResult bearer(
      RegistryCredential entry, String base, AuthenticateChallenge challenge, String basic)
      throws IOException {
    String realm = challenge.parameter("realm");
    if (realm == null || !(realm.startsWith("https://") || realm.startsWith("http://"))) {
      return result(
          entry,
          RegistryCheckResult.NOT_A_REGISTRY,
          "the Bearer challenge names no usable token realm");
    }
    StringBuilder tokenUrl = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    tokenUrl.append("account=").append(encode(String.valueOf(entry.username())));
    String service = challenge.parameter("service");
    if (service != null) {
      tokenUrl.append("&service=").append(encode(service));
    }
    String scope = challenge.parameter("scope");
    if (scope != null) {
      tokenUrl.append("&scope=").append(encode(scope));
    }
    URI tokenUri = URI.create(tokenUrl.toString());
    if (tokenUri.getScheme().equals("http")
        && properties.insecureRegistries().stream()
            .noneMatch(r -> r.equalsIgnoreCase(tokenUri.getAuthority()))) {
      return result(
          entry,
          RegistryCheckResult.TLS_ERROR,
          "the token realm uses plain http, which is not allowed");
    }
    Answer token = get(tokenUri, basic);
    if (token.status() == 401 || token.status() == 403) {
      return result(
          entry,
          RegistryCheckResult.INVALID_CREDENTIALS,
          "the token service refused the user name or password");
    }
    if (token.status() != 200) {
      return result(
          entry,
          RegistryCheckResult.NOT_A_REGISTRY,
          "the token service answered " + token.status());
    }
    String value;
    try {
      JsonNode body = JSON.readTree(token.body());
      value = body.path("token").asString(body.path("access_token").asString(""));
    } catch (RuntimeException e) {
      value = "";
    }
    if (value.isEmpty()) {
      return result(
          entry, RegistryCheckResult.NOT_A_REGISTRY, "the token service answered without a token");
    }
    return loggedIn(entry, get(URI.create(base + "/v2/"), "Bearer " + value), "token");
  }

  private static RegistryCheckResult loggedIn(
      RegistryCredential entry, Answer answer, String what) {
    if (answer.status() == 200) {
      return result(entry, RegistryCheckResult.VALID, "logged in");
    }
    if (answer.status() == 401 || answer.status() == 403) {
      return result(
          entry, RegistryCheckResult.INVALID_CREDENTIALS, "the registry refused the " + what);
    }
    return result(
        entry,
        RegistryCheckResult.NOT_A_REGISTRY,
        "GET /v2/ with credentials answered " + answer.status());
  }

  private Answer get(URI uri, @Nullable String authorization) throws IOException {
    if (!guard.allowed(uri.getHost(), port(uri)) && guard.opens(uri.getHost())) {
      throw new GuardedDnsResolver.ForbiddenAddressException(
          uri.getHost() + ":" + port(uri) + " is not on regsecrets.verify.allowed-hosts");
    }
    HttpGet request = new HttpGet(uri);
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
          Header authenticate = response.getFirstHeader("WWW-Authenticate");
          Header api = response.getFirstHeader("Docker-Distribution-API-Version");
          return new Answer(
              response.getCode(),
              authenticate == null ? null : authenticate.getValue(),
              api != null && api.getValue().toLowerCase(Locale.ROOT).startsWith("registry/2"),
              new String(body, StandardCharsets.UTF_8));
        });
  }

  /** What one request returned: status, challenge, whether it called itself a registry, body. */
  private record Answer(
      int status, @Nullable String authenticate, boolean isRegistry, String body) {}

  private static RegistryCheckResult result(
      RegistryCredential entry, String status, String reason) {
    return new RegistryCheckResult(entry.registry(), status, reason);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("http") ? 80 : 443;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + " s";
  }

  private static String printable(String text) {
    String cleaned = text.replaceAll("[^\\x20-\\x7e]", "?");
    return cleaned.length() > 160 ? cleaned.substring(0, 160) + "..." : cleaned;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "registry-check");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void destroy() throws IOException {
    workers.shutdownNow();
    http.close();
  }
}
