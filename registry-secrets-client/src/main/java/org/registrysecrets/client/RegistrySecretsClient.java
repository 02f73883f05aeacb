package org.registrysecrets.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.Urls;
import org.registrysecrets.api.wire.AuditEventList;
import org.registrysecrets.api.wire.CredentialSourceRequest;
import org.registrysecrets.api.wire.DataKeyList;
import org.registrysecrets.api.wire.DockerRegistrySecretChangeResponse;
import org.registrysecrets.api.wire.DockerRegistrySecretList;
import org.registrysecrets.api.wire.DockerRegistrySecretMetadata;
import org.registrysecrets.api.wire.ErrorResponse;
import org.registrysecrets.api.wire.PullCheckResponse;
import org.registrysecrets.api.wire.RegistryVerification;
import org.registrysecrets.api.wire.ResourceQuotaResponse;
import org.registrysecrets.api.wire.SecretVersionList;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.api.wire.ServiceKeyInfo;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.api.wire.WebhookDeliveryList;
import org.registrysecrets.api.wire.WebhookInfo;
import org.registrysecrets.api.wire.WebhookList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls an AI Core-compatible Docker registry secrets API (ours or SAP AI Core) with a service key.
 * Thread-safe; one instance per service key.
 *
 * <p>Errors: {@link ApiException} when the API refused (with its error body), {@link
 * TokenRequestException} when the issuer refused the key, {@link ApiUnreachableException} when
 * either could not be reached in time.
 */
public final class RegistrySecretsClient {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final String WEBHOOKS = "/platform/v1/webhooks";
  private static final String DATA_KEYS = "/platform/v1/data-keys";

  /** The key of an expiry that holds for every registry entry of a secret. */
  public static final String EVERY_REGISTRY = "*";

  private final String apiUrl;
  private final HttpClient http;
  private final AccessTokens tokens;
  private final Duration requestTimeout;

  private RegistrySecretsClient(Builder builder) {
    this.apiUrl = Urls.withoutTrailingSlashes(builder.apiUrl);
    HttpClient shared = builder.http;
    this.http =
        shared != null
            ? shared
            : HttpClient.newBuilder().connectTimeout(builder.connectTimeout).build();
    this.requestTimeout = builder.requestTimeout;
    ServiceKey key = builder.key;
    AccessTokens given = builder.tokens;
    this.tokens =
        key != null
            ? new TokenProvider(key, http, builder.requestTimeout, builder.clock)
            : Objects.requireNonNull(given);
  }

  public static RegistrySecretsClient create(ServiceKey key) {
    return builder(key).build();
  }

  /** A client that gets tokens for {@code key} with the client-credentials grant. */
  public static Builder builder(ServiceKey key) {
    return new Builder(key.serviceurls().aiApiUrl(), key, null);
  }

  /** A client of the API at {@code apiUrl} that sends the tokens {@code tokens} gives it. */
  public static Builder builder(String apiUrl, AccessTokens tokens) {
    return new Builder(apiUrl, null, tokens);
  }

  public AccessTokens tokens() {
    return tokens;
  }

  /** Lists secrets in name order; {@code count} asks for the total instead of the page size. */
  public DockerRegistrySecretList list(
      @Nullable Integer top, @Nullable Integer skip, boolean count) {
    List<String> query = new ArrayList<>();
    if (top != null) {
      query.add("$top=" + top);
    }
    if (skip != null) {
      query.add("$skip=" + skip);
    }
    if (count) {
      query.add("$count=true");
    }
    String path = SECRETS + (query.isEmpty() ? "" : "?" + String.join("&", query));
    return read(send("GET", path, null, null), DockerRegistrySecretList.class);
  }

  public Versioned<DockerRegistrySecretMetadata> get(String name) {
    HttpResponse<String> response = send("GET", SECRETS + "/" + encode(name), null, null);
    return new Versioned<>(
        read(response, DockerRegistrySecretMetadata.class),
        response.headers().firstValue("ETag").orElse(null));
  }

  /** Creates a secret; {@code dockerConfigJson} is the exact {@code .dockerconfigjson} value. */
  public DockerRegistrySecretChangeResponse create(String name, String dockerConfigJson) {
    return create(name, dockerConfigJson, false);
  }

  /**
   * Creates a secret; with {@code verify}, only if every registry accepts the credentials (else an
   * {@link ApiException} whose {@link ApiException#registryResults()} say why).
   */
  public DockerRegistrySecretChangeResponse create(
      String name, String dockerConfigJson, boolean verify) {
    return create(name, dockerConfigJson, verify, Map.of());
  }

  /**
   * Creates a secret with the expiries of its entries (Registry Secrets only: sent in {@code
   * x-regsecrets}, which AI Core would refuse), by the entries' keys.
   */
  public DockerRegistrySecretChangeResponse create(
      String name, String dockerConfigJson, boolean verify, Map<String, Instant> expiresAt) {
    return create(name, dockerConfigJson, verify, expiresAt, null);
  }

  /**
   * As above, with scheduled re-checks: {@code recheck} is an ISO-8601 duration ({@code P1D}),
   * {@code off}, or {@code null} to leave them as they are.
   */
  public DockerRegistrySecretChangeResponse create(
      String name,
      String dockerConfigJson,
      boolean verify,
      Map<String, Instant> expiresAt,
      @Nullable String recheck) {
    return create(name, dockerConfigJson, mode(verify), expiresAt, recheck);
  }

  /** As above, with the registry check as {@code verify} says ({@link VerifyMode}). */
  public DockerRegistrySecretChangeResponse create(
      String name,
      String dockerConfigJson,
      VerifyMode verify,
      Map<String, Instant> expiresAt,
      @Nullable String recheck) {
    ObjectNode body = ServiceKeys.JSON.createObjectNode();
    body.put("name", name);
    body.putObject("data").put(".dockerconfigjson", dockerConfigJson);
    addExtension(body, expiresAt, recheck);
    return read(
        send("POST", SECRETS + verifyQuery(verify), body.toString(), null),
        DockerRegistrySecretChangeResponse.class);
  }

  /**
   * Creates a secret whose logins the server derives from a cloud credential and renews (Registry
   * Secrets only); {@code recheck} as above.
   */
  public DockerRegistrySecretChangeResponse create(
      String name, CredentialSourceRequest source, VerifyMode verify, @Nullable String recheck) {
    ObjectNode body = ServiceKeys.JSON.createObjectNode();
    body.put("name", name);
    body.set("source", ServiceKeys.JSON.valueToTree(source));
    addExtension(body, Map.of(), recheck);
    return read(
        send("POST", SECRETS + verifyQuery(verify), body.toString(), null),
        DockerRegistrySecretChangeResponse.class);
  }

  /** Makes a cloud credential the secret's source (Registry Secrets only). */
  public DockerRegistrySecretChangeResponse modify(
      String name,
      CredentialSourceRequest source,
      @Nullable String ifMatch,
      VerifyMode verify,
      @Nullable String recheck) {
    ObjectNode body = ServiceKeys.JSON.createObjectNode();
    body.set("source", ServiceKeys.JSON.valueToTree(source));
    addExtension(body, Map.of(), recheck);
    return read(
        send("PATCH", SECRETS + "/" + encode(name) + verifyQuery(verify), body.toString(), ifMatch),
        DockerRegistrySecretChangeResponse.class);
  }

  /** Replaces a secret's config; with {@code ifMatch}, only if it is still that version. */
  public DockerRegistrySecretChangeResponse modify(
      String name, String dockerConfigJson, @Nullable String ifMatch) {
    return modify(name, dockerConfigJson, ifMatch, false);
  }

  /** Replaces a secret's config; with {@code verify}, only if every registry accepts it. */
  public DockerRegistrySecretChangeResponse modify(
      String name, String dockerConfigJson, @Nullable String ifMatch, boolean verify) {
    return modify(name, dockerConfigJson, ifMatch, verify, Map.of());
  }

  /** Replaces a secret's config and the expiries of its entries (Registry Secrets only). */
  public DockerRegistrySecretChangeResponse modify(
      String name,
      String dockerConfigJson,
      @Nullable String ifMatch,
      boolean verify,
      Map<String, Instant> expiresAt) {
    return modify(name, dockerConfigJson, ifMatch, verify, expiresAt, null);
  }

  /** As above, with scheduled re-checks ({@code P1D}, {@code off}, or {@code null} to keep). */
  public DockerRegistrySecretChangeResponse modify(
      String name,
      String dockerConfigJson,
      @Nullable String ifMatch,
      boolean verify,
      Map<String, Instant> expiresAt,
      @Nullable String recheck) {
    return modify(name, dockerConfigJson, ifMatch, mode(verify), expiresAt, recheck);
  }

  /** As above, with the registry check as {@code verify} says ({@link VerifyMode}). */
  public DockerRegistrySecretChangeResponse modify(
      String name,
      String dockerConfigJson,
      @Nullable String ifMatch,
      VerifyMode verify,
      Map<String, Instant> expiresAt,
      @Nullable String recheck) {
    ObjectNode body = ServiceKeys.JSON.createObjectNode();
    body.putObject("data").put(".dockerconfigjson", dockerConfigJson);
    addExtension(body, expiresAt, recheck);
    return read(
        send("PATCH", SECRETS + "/" + encode(name) + verifyQuery(verify), body.toString(), ifMatch),
        DockerRegistrySecretChangeResponse.class);
  }

  private static VerifyMode mode(boolean verify) {
    return verify ? VerifyMode.STRICT : VerifyMode.OFF;
  }

  private static String verifyQuery(VerifyMode verify) {
    return verify == VerifyMode.OFF ? "" : "?verify=" + verify.parameter();
  }

  /** Checks a stored secret's credentials against its registries again (Registry Secrets only). */
  public RegistryVerification verify(String name) {
    return read(
        send("POST", SECRETS + "/" + encode(name) + "/verify", null, null),
        RegistryVerification.class);
  }

  /**
   * Whether a kubelet could pull {@code images} (at most 20) with the secret, checked without
   * pulling (Registry Secrets only).
   */
  public PullCheckResponse pullCheck(String name, List<String> images) {
    return pullCheck(name, images, false);
  }

  /**
   * As {@link #pullCheck(String, List)}; with {@code fromWorkloads}, also the images of the Pods
   * that pull with the secret (when the server syncs to Kubernetes).
   */
  public PullCheckResponse pullCheck(String name, List<String> images, boolean fromWorkloads) {
    ObjectNode body = ServiceKeys.JSON.createObjectNode();
    images.forEach(body.putArray("images")::add);
    return read(
        send(
            "POST",
            SECRETS
                + "/"
                + encode(name)
                + "/pull-check"
                + (fromWorkloads ? "?fromWorkloads=true" : ""),
            body.toString(),
            null),
        PullCheckResponse.class);
  }

  /** The kept versions of a secret, newest first, without content (Registry Secrets only). */
  public SecretVersionList versions(String name) {
    return read(
        send("GET", SECRETS + "/" + encode(name) + "/versions", null, null),
        SecretVersionList.class);
  }

  /**
   * Makes a kept version's content the newest version; with {@code ifMatch}, only if the secret is
   * still that version (Registry Secrets only).
   */
  public Versioned<DockerRegistrySecretChangeResponse> restore(
      String name, long version, @Nullable String ifMatch) {
    HttpResponse<String> response =
        send(
            "POST",
            SECRETS + "/" + encode(name) + "/versions/" + version + "/restore",
            null,
            ifMatch);
    return new Versioned<>(
        read(response, DockerRegistrySecretChangeResponse.class),
        response.headers().firstValue("ETag").orElse(null));
  }

  public DockerRegistrySecretChangeResponse delete(String name, @Nullable String ifMatch) {
    return read(
        send("DELETE", SECRETS + "/" + encode(name), null, ifMatch),
        DockerRegistrySecretChangeResponse.class);
  }

  public ResourceQuotaResponse quota() {
    return read(
        send("GET", "/v2/admin/resourceQuota/dockerRegistrySecrets", null, null),
        ResourceQuotaResponse.class);
  }

  /**
   * The tenant's audit events, newest first (Registry Secrets only; scope {@code
   * registrysecrets.audit.read}). Each filter may be {@code null}; {@code to} is exclusive.
   */
  public AuditEventList auditEvents(
      @Nullable String secret,
      @Nullable String actor,
      @Nullable Instant from,
      @Nullable Instant to,
      int top,
      long skip) {
    List<String> query = new ArrayList<>();
    if (secret != null) {
      query.add("secret=" + encode(secret));
    }
    if (actor != null) {
      query.add("actor=" + encode(actor));
    }
    if (from != null) {
      query.add("from=" + from);
    }
    if (to != null) {
      query.add("to=" + to);
    }
    query.add("$top=" + top);
    query.add("$skip=" + skip);
    return read(
        send("GET", "/platform/v1/audit-events?" + String.join("&", query), null, null),
        AuditEventList.class);
  }

  /** Issues a service key for {@code tenant}; needs a key that may manage keys. */
  public ServiceKey createServiceKey(String tenant, String role, String description) {
    ObjectNode body = ServiceKeys.JSON.createObjectNode();
    body.put("tenant", tenant).put("role", role).put("description", description);
    return read(send("POST", "/platform/v1/service-keys", body.toString(), null), ServiceKey.class);
  }

  public List<ServiceKeyInfo> serviceKeys() {
    JsonNode list = read(send("GET", "/platform/v1/service-keys", null, null), JsonNode.class);
    List<ServiceKeyInfo> keys = new ArrayList<>();
    for (JsonNode key : list.path("resources")) {
      keys.add(ServiceKeys.JSON.treeToValue(key, ServiceKeyInfo.class));
    }
    return keys;
  }

  public void revokeServiceKey(String clientId) {
    send("DELETE", "/platform/v1/service-keys/" + encode(clientId), null, null);
  }

  /** The data keys and the rows each seals (needs the bootstrap key). */
  public DataKeyList dataKeys() {
    return read(send("GET", DATA_KEYS, null, null), DataKeyList.class);
  }

  /** Makes a new data key primary; the server seals every row again in the background. */
  public DataKeyList rotateDataKey() {
    return read(send("POST", DATA_KEYS + "/rotate", null, null), DataKeyList.class);
  }

  /** Disables an old data key that no row uses any more. */
  public DataKeyList disableDataKey(long id) {
    return read(send("POST", DATA_KEYS + "/" + id + "/disable", null, null), DataKeyList.class);
  }

  /** Registers a webhook (Registry Secrets only); {@code events} {@code null} means all. */
  public WebhookInfo registerWebhook(String url, String secret, @Nullable List<String> events) {
    ObjectNode body = ServiceKeys.JSON.createObjectNode();
    body.put("url", url).put("secret", secret);
    if (events != null) {
      events.forEach(body.putArray("events")::add);
    }
    return read(send("POST", WEBHOOKS, body.toString(), null), WebhookInfo.class);
  }

  public WebhookList webhooks() {
    return read(send("GET", WEBHOOKS, null, null), WebhookList.class);
  }

  public void removeWebhook(String id) {
    send("DELETE", WEBHOOKS + "/" + encode(id), null, null);
  }

  /** A webhook's newest deliveries. */
  public WebhookDeliveryList webhookDeliveries(String id) {
    return read(
        send("GET", WEBHOOKS + "/" + encode(id) + "/deliveries", null, null),
        WebhookDeliveryList.class);
  }

  /**
   * Sends one call; a refused token is renewed once, in case the server restarted with new keys.
   */
  private HttpResponse<String> send(
      String method, String path, @Nullable String body, @Nullable String ifMatch) {
    HttpResponse<String> response = attempt(method, path, body, ifMatch);
    if (response.statusCode() == 401) {
      tokens.invalidate();
      response = attempt(method, path, body, ifMatch);
    }
    if (response.statusCode() >= 400) {
      throw new ApiException(response.statusCode(), errorBody(response.body()));
    }
    return response;
  }

  private HttpResponse<String> attempt(
      String method, String path, @Nullable String body, @Nullable String ifMatch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .timeout(requestTimeout)
            .header("Authorization", "Bearer " + tokens.token())
            .header("Accept", "application/json")
            .header("AI-Resource-Group", "default")
            .header("AI-Client-Type", "regsecrets")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return BoundedExchange.send(
        http, request.build(), BoundedExchange.MAX_API_ANSWER, requestTimeout, apiUrl);
  }

  private static <T> T read(HttpResponse<String> response, Class<T> type) {
    try {
      return ServiceKeys.JSON.readValue(response.body(), type);
    } catch (JacksonException e) {
      throw new ApiException(response.statusCode(), null);
    }
  }

  private static @Nullable ErrorResponse errorBody(String body) {
    try {
      ErrorResponse error = ServiceKeys.JSON.readValue(body, ErrorResponse.class);
      return error == null || error.error() == null ? null : error;
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  /**
   * The {@code x-regsecrets} object, if there is anything to say: every entry's expiry when the
   * map's key is {@link #EVERY_REGISTRY}, and the re-check interval.
   */
  private static void addExtension(
      ObjectNode body, Map<String, Instant> expiresAt, @Nullable String recheck) {
    if (expiresAt.isEmpty() && recheck == null) {
      return;
    }
    ObjectNode extension = body.putObject("x-regsecrets");
    if (recheck != null) {
      extension.put("recheck", recheck);
    }
    expiresAt.forEach(
        (registry, at) -> {
          if (registry.equals(EVERY_REGISTRY)) {
            extension.put("expiresAt", at.toString());
          } else {
            extension.withObject("registries").putObject(registry).put("expiresAt", at.toString());
          }
        });
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Options of a client: timeouts (SAP's SDK waits 2 s for a token; we default to 10 s). */
  public static final class Builder {

    private final String apiUrl;
    private final @Nullable ServiceKey key;
    private final @Nullable AccessTokens tokens;
    private @Nullable HttpClient http;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    private Builder(String apiUrl, @Nullable ServiceKey key, @Nullable AccessTokens tokens) {
      this.apiUrl = apiUrl;
      this.key = key;
      this.tokens = tokens;
    }

    /**
     * Sends through {@code http} instead of a client of its own (whose connect timeout then
     * applies), so that many short-lived clients share one connection pool.
     */
    public Builder httpClient(HttpClient http) {
      this.http = http;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** The longest one call may take, answer included (default 10 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** The clock that decides when a cached token is renewed. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public RegistrySecretsClient build() {
      return new RegistrySecretsClient(this);
    }
  }
}
