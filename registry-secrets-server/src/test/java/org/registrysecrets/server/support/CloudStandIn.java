package org.registrysecrets.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local HTTPS stand-ins for the vendors' token services, on one loopback port: AWS ECR and STS,
 * Google's OAuth token endpoint, Microsoft Entra, an ACR registry's token exchange and GitHub's
 * installation tokens. Each checks what the real service would check of the vendor SDK's request
 * (the Signature V4 scope, the JWT-bearer grant's signature, the exchange's form, the App JWT's
 * signature), records it, and issues the token a test chose, valid as long as the test says. A test
 * can make every stand-in refuse.
 */
public final class CloudStandIn implements AutoCloseable {

  public static final String ENTRA_TENANT = "7b0a3c5e-0000-4000-8000-00000000abcd";
  public static final String ACR_REGISTRY = "team.azurecr.io";

  /** One request the stand-in answered: what, to where, and whether its checks passed. */
  public record Call(String service, String path, Map<String, String> headers, String body) {}

  private final HttpsServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<String> issued = new CopyOnWriteArrayList<>();
  private final AtomicInteger serial = new AtomicInteger();
  private final RsaKeyFiles googleKey;
  private final RsaKeyFiles gitHubKey;
  private volatile boolean refusing;
  private volatile Duration lifetime = Duration.ofHours(1);
  private volatile String ecrUser = "AWS";
  private volatile String ecrRegistry = "https://123456789012.dkr.ecr.eu-central-1.amazonaws.com";
  private volatile String nextPassword = "";

  public CloudStandIn(TlsMaterial tls) {
    googleKey = RsaKeyFiles.create();
    gitHubKey = RsaKeyFiles.create();
    try {
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
    server.createContext("/ecr", exchange -> answer(exchange, "ecr", this::ecr));
    server.createContext("/google/token", exchange -> answer(exchange, "gar", this::google));
    server.createContext("/acr/oauth2/exchange", exchange -> answer(exchange, "acr", this::acr));
    server.createContext("/github", exchange -> answer(exchange, "github", this::gitHub));
    // STS's query protocol posts to the endpoint's root, where Entra's paths also begin.
    server.createContext(
        "/",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          if (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256")) {
            answer(exchange, "sts", this::sts);
          } else {
            answer(exchange, "entra", this::entra);
          }
        });
    server.start();
  }

  public String baseUrl() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Service account JSON key whose token endpoint is Google's, as real keys have. */
  public String googleServiceAccountKey(String email) {
    return "{\"type\":\"service_account\",\"project_id\":\"team\",\"private_key_id\":\"k1\","
        + "\"private_key\":"
        + ApiClient.JSON.writeValueAsString(googleKey.pkcs8Pem())
        + ",\"client_email\":\""
        + email
        + "\",\"client_id\":\"1\",\"token_uri\":\"https://oauth2.googleapis.com/token\"}";
  }

  public String gitHubAppPrivateKey() {
    return gitHubKey.pkcs1Pem();
  }

  /** Makes every service refuse (or answer again). */
  public void refuse(boolean refuse) {
    refusing = refuse;
  }

  /** How long the tokens issued from now on live. */
  public void lifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  /** ECR's answers: this user and registry, with the next password as the login's password. */
  public void ecr(String user, String registry) {
    this.ecrUser = user;
    this.ecrRegistry = registry;
  }

  /** The password (or token) the next issue gives; empty: a fresh one each time. */
  public void nextPassword(String password) {
    this.nextPassword = password;
  }

  public List<Call> calls(String service) {
    return calls.stream().filter(call -> call.service().equals(service)).toList();
  }

  /** Checks the SDKs' requests failed; empty when every request was what the vendor expects. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Every token or password issued so far, for leak searches. */
  public List<String> issued() {
    return List.copyOf(issued);
  }

  private interface Handler {
    Answer handle(HttpExchange exchange, String body) throws Exception;
  }

  private record Answer(int status, String contentType, String body) {}

  private void answer(HttpExchange exchange, String service, Handler handler) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    calls.add(new Call(service, exchange.getRequestURI().getPath(), headers, body));
    Answer answer;
    try {
      answer = refusing ? refusal(service) : handler.handle(exchange, body);
    } catch (Exception e) {
      problems.add(service + ": " + e);
      answer = new Answer(400, "application/json", "{\"error\":\"bad_request\"}");
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Answer refusal(String service) {
    switch (service) {
      case "ecr":
      case "sts":
        return new Answer(
            400,
            "application/x-amz-json-1.1",
            "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included"
                + " in the request is invalid.\"}");
      case "github":
        return new Answer(
            401, "application/json", "{\"message\":\"A JSON web token could not be decoded\"}");
      default:
        return new Answer(
            400,
            "application/json",
            "{\"error\":\"invalid_client\",\"error_description\":\"The client credentials are"
                + " invalid.\"}");
    }
  }

  private String token(String prefix) {
    String token =
        nextPassword.isEmpty()
            ? prefix + "-" + serial.incrementAndGet() + "-" + Long.toHexString(System.nanoTime())
            : nextPassword;
    issued.add(token);
    return token;
  }

  /**
   * AWS Signature V4 of {@code service} in {@code region}: the credential scope and a signature.
   */
  private static final Pattern SIGV4 =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)/[0-9]{8}/([a-z0-9-]+)/([a-z]+)/aws4_request,"
              + " ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]{64}");

  private static Matcher signed(HttpExchange exchange, String service) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher matcher = SIGV4.matcher(authorization == null ? "" : authorization);
    if (!matcher.matches() || !matcher.group(3).equals(service)) {
      throw new IllegalStateException("not signed for " + service + ": " + authorization);
    }
    return matcher;
  }

  private Answer ecr(HttpExchange exchange, String body) {
    signed(exchange, "ecr");
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (!"AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken".equals(target)) {
      throw new IllegalStateException("unexpected target " + target);
    }
    String password = token("ecr-password");
    Instant expiresAt = Instant.now().plus(lifetime);
    String token =
        Base64.getEncoder()
            .encodeToString((ecrUser + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Answer(
        200,
        "application/x-amz-json-1.1",
        "{\"authorizationData\":[{\"authorizationToken\":\""
            + token
            + "\",\"expiresAt\":"
            + expiresAt.getEpochSecond()
            + ",\"proxyEndpoint\":\""
            + ecrRegistry
            + "\"}]}");
  }

  private Answer sts(HttpExchange exchange, String body) {
    signed(exchange, "sts");
    Map<String, String> form = form(body);
    if (!"AssumeRole".equals(form.get("Action")) || form.get("RoleArn") == null) {
      throw new IllegalStateException("not an AssumeRole: " + form.keySet());
    }
    String secret = token("sts-secret");
    String session = token("sts-session");
    return new Answer(
        200,
        "text/xml",
        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
            + "<Credentials><AccessKeyId>ASIASTANDINSESSION01</AccessKeyId><SecretAccessKey>"
            + secret
            + "</SecretAccessKey><SessionToken>"
            + session
            + "</SessionToken><Expiration>"
            + Instant.now().plus(Duration.ofHours(1))
            + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA1:registry-secrets"
            + "</AssumedRoleId><Arn>"
            + form.get("RoleArn")
            + "</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>1"
            + "</RequestId></ResponseMetadata></AssumeRoleResponse>");
  }

  private Answer google(HttpExchange exchange, String body) throws ParseException, JOSEException {
    Map<String, String> form = form(body);
    if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
      throw new IllegalStateException("not a JWT-bearer grant: " + form.get("grant_type"));
    }
    SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
    if (!assertion.verify(new RSASSAVerifier(googleKey.publicKey()))) {
      throw new IllegalStateException("the assertion is not signed with the service account's key");
    }
    // Google's token endpoint expects its own well-known audience, wherever the grant is sent.
    if (!assertion.getJWTClaimsSet().getAudience().contains("https://oauth2.googleapis.com/token")
        || !String.valueOf(assertion.getJWTClaimsSet().getClaim("scope"))
            .contains("cloud-platform")) {
      throw new IllegalStateException("wrong audience or scope: " + assertion.getJWTClaimsSet());
    }
    return new Answer(
        200,
        "application/json",
        "{\"access_token\":\""
            + token("ya29.gar")
            + "\",\"expires_in\":"
            + lifetime.toSeconds()
            + ",\"token_type\":\"Bearer\"}");
  }

  private Answer entra(HttpExchange exchange, String body) {
    String path = exchange.getRequestURI().getPath();
    if (path.endsWith("/.well-known/openid-configuration")) {
      String authority = baseUrl() + "/" + ENTRA_TENANT;
      return new Answer(
          200,
          "application/json",
          "{\"token_endpoint\":\""
              + authority
              + "/oauth2/v2.0/token\",\"issuer\":\""
              + authority
              + "/v2.0\",\"authorization_endpoint\":\""
              + authority
              + "/oauth2/v2.0/authorize\"}");
    }
    if (!path.equals("/" + ENTRA_TENANT + "/oauth2/v2.0/token")) {
      throw new IllegalStateException(
          "unexpected Entra call " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
    }
    Map<String, String> form = form(body);
    if (!"client_credentials".equals(form.get("grant_type"))
        || form.get("client_secret") == null
        || !String.valueOf(form.get("scope")).contains("containerregistry.azure.net")) {
      throw new IllegalStateException("not a client-credentials grant for ACR: " + form.keySet());
    }
    return new Answer(
        200,
        "application/json",
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
            + "\"access_token\":\""
            + token("entra-access")
            + "\"}");
  }

  private Answer acr(HttpExchange exchange, String body) {
    Map<String, String> form = form(body);
    if (!"access_token".equals(form.get("grant_type"))
        || !ACR_REGISTRY.equals(form.get("service"))
        || !ENTRA_TENANT.equals(form.get("tenant"))
        || !String.valueOf(form.get("access_token")).startsWith("entra-access")) {
      throw new IllegalStateException("not an ACR exchange: " + form.keySet());
    }
    String claims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"exp\":" + Instant.now().plus(lifetime).getEpochSecond() + "}")
                    .getBytes(StandardCharsets.UTF_8));
    String refresh = "eyJhbGciOiJSUzI1NiJ9." + claims + "." + token("acr-refresh");
    issued.add(refresh);
    return new Answer(200, "application/json", "{\"refresh_token\":\"" + refresh + "\"}");
  }

  private Answer gitHub(HttpExchange exchange, String body) throws ParseException, JOSEException {
    Matcher path =
        Pattern.compile("/github/app/installations/([0-9]+)/access_tokens")
            .matcher(exchange.getRequestURI().getPath());
    if (!path.matches() || !"POST".equals(exchange.getRequestMethod())) {
      throw new IllegalStateException("unexpected GitHub call " + exchange.getRequestURI());
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
    if (!jwt.verify(new RSASSAVerifier(gitHubKey.publicKey()))) {
      throw new IllegalStateException("the App JWT is not signed with the App's key");
    }
    if (jwt.getJWTClaimsSet().getIssuer() == null
        || jwt.getJWTClaimsSet()
            .getExpirationTime()
            .toInstant()
            .isAfter(Instant.now().plusSeconds(600))) {
      throw new IllegalStateException("the App JWT has no issuer or lives too long");
    }
    return new Answer(
        201,
        "application/json",
        "{\"token\":\""
            + token("ghs_standin")
            + "\",\"expires_at\":\""
            + Instant.now().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + "\",\"permissions\":{\"packages\":\"read\"}}");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** An RSA key made with openssl, in the PEM forms vendors hand out. */
  private record RsaKeyFiles(String pkcs8Pem, String pkcs1Pem, RSAPublicKey publicKey) {

    static RsaKeyFiles create() {
      try {
        Path directory = Files.createTempDirectory("standin-key-");
        Path pkcs8 = directory.resolve("key.pem");
        Path pkcs1 = directory.resolve("key-rsa.pem");
        TlsMaterial.run(
            List.of(
                "openssl",
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
                "-out",
                pkcs8.toString()));
        TlsMaterial.run(
            List.of(
                "openssl",
                "rsa",
                "-in",
                pkcs8.toString(),
                "-traditional",
                "-out",
                pkcs1.toString()));
        String pem = Files.readString(pkcs8);
        byte[] der =
            Base64.getMimeDecoder()
                .decode(
                    pem.replace("-----BEGIN PRIVATE KEY-----", "")
                        .replace("-----END PRIVATE KEY-----", "")
                        .strip());
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        RSAPublicKey publicKey =
            (RSAPublicKey)
                rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        return new RsaKeyFiles(pem, Files.readString(pkcs1), publicKey);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The host and port of {@link #baseUrl()}. */
  public String authority() {
    return URI.create(baseUrl()).getAuthority();
  }
}
