package org.registrysecrets.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.support.TokenForge;

/** Tokens, scopes, roles, revocation and tenant isolation, over real HTTP. */
class AccessControlApiTests extends ServerTestBase {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final List<String> EDITOR_SCOPES =
      List.of(Scopes.READ, Scopes.CREATE, Scopes.UPDATE, Scopes.DELETE);

  private String tenant;

  @BeforeEach
  void tenant() {
    tenant = "acl-" + UUID.randomUUID();
  }

  @Test
  void refusesCallsWithoutAValidToken() {
    Response none = api.get(SECRETS, null);
    Response garbage = api.get(SECRETS, "not-a-jwt");
    Response stranger =
        api.get(
            SECRETS,
            TokenForge.withStrangerKey()
                .sign(TokenForge.claims(issuer(), client(), tenant, EDITOR_SCOPES).build()));

    for (Response response : List.of(none, garbage, stranger)) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.errorCode()).isEqualTo("Unauthorized");
      assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(response.json().get("error").get("target").asString()).isEqualTo(SECRETS);
    }
  }

  /**
   * The firewall (HttpFirewallConfiguration) refuses a control character in a header value that a
   * filter reads (it checks headers as they are read).
   */
  @Test
  void refusesAControlCharacterInAHeaderWith400() throws Exception {
    assertThat(rawGet("Authorization: Bearer ab")).startsWith("HTTP/1.1 401");
    // NEL (0x85) passes Tomcat's parser as obs-text and reaches the firewall as U+0085.
    assertThat(rawGet("Authorization: Bearer a\u0085b"))
        .startsWith("HTTP/1.1 400")
        .contains("\"code\":\"BadRequest\"");
  }

  private String rawGet(String header) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      String request =
          "GET "
              + SECRETS
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + header
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void refusesExpiredForeignAndTenantlessTokensSignedWithTheRightKey() {
    TokenForge forge = TokenForge.withServerKey(DATA_DIR);
    Instant past = Instant.now().minusSeconds(7200);
    String expired =
        forge.sign(
            TokenForge.claims(issuer(), client(), tenant, EDITOR_SCOPES)
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))
                .build());
    String otherAudience =
        forge.sign(
            TokenForge.claims(issuer(), client(), tenant, EDITOR_SCOPES)
                .audience("other-api")
                .build());
    String otherIssuer =
        forge.sign(
            TokenForge.claims("https://elsewhere.example", client(), tenant, EDITOR_SCOPES)
                .build());
    String noTenant =
        forge.sign(
            TokenForge.claims(issuer(), client(), tenant, EDITOR_SCOPES)
                .claim("zid", null)
                .build());

    for (String token : List.of(expired, otherAudience, otherIssuer, noTenant)) {
      assertThat(api.get(SECRETS, token).status()).isEqualTo(401);
    }
    String valid = forge.sign(TokenForge.claims(issuer(), client(), tenant, EDITOR_SCOPES).build());
    assertThat(api.get(SECRETS, valid).status()).isEqualTo(200);
  }

  @Test
  void acceptsXsuaaPrefixedScopes() {
    String token =
        TokenForge.withServerKey(DATA_DIR)
            .sign(
                TokenForge.claims(
                        issuer(),
                        client(),
                        tenant,
                        List.of("sap-ai-core!b540." + Scopes.READ, "openid"))
                    .build());

    assertThat(api.get(SECRETS, token).status()).isEqualTo(200);
    assertThat(
            api.post(SECRETS, token, createBody("nope", dockerConfig("r.io", "u", "p"))).status())
        .isEqualTo(403);
  }

  @Test
  void viewerReadsButCannotChange() {
    String editor = token(tenant, "editor");
    String viewer = token(tenant, "viewer");
    assertThat(
            api.post(SECRETS, editor, createBody("viewed", dockerConfig("r.io", "u", "p")))
                .status())
        .isEqualTo(202);

    assertThat(api.get(SECRETS, viewer).status()).isEqualTo(200);
    assertThat(api.get(SECRETS + "/viewed", viewer).status()).isEqualTo(200);
    assertThat(api.get("/v2/admin/resourceQuota/dockerRegistrySecrets", viewer).status())
        .isEqualTo(200);
    Response create =
        api.post(SECRETS, viewer, createBody("other", dockerConfig("r.io", "u", "p")));
    Response patch =
        api.patch(SECRETS + "/viewed", viewer, patchBody(dockerConfig("r.io", "u", "q")));
    Response delete = api.delete(SECRETS + "/viewed", viewer);

    for (Response response : List.of(create, patch, delete)) {
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.errorCode()).isEqualTo("Forbidden");
    }
    assertThat(api.get(SECRETS + "/viewed", editor).header("ETag")).isEqualTo("\"1\"");
    assertThat(api.get(SECRETS + "/other", editor).status()).isEqualTo(404);
  }

  @Test
  void onlyTheManageScopeHandlesServiceKeys() {
    String editor = token(tenant, "editor");

    assertThat(api.get("/platform/v1/service-keys", editor).status()).isEqualTo(403);
    assertThat(
            api.post(
                    "/platform/v1/service-keys",
                    editor,
                    "{\"tenant\":\"x\",\"role\":\"editor\",\"description\":\"\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void managesServiceKeysWithoutShowingSecretsTwice() {
    String admin = api.token(bootstrapKey());
    ServiceKey created = serviceKey(tenant, "viewer");

    Response list = api.get("/platform/v1/service-keys", admin);
    Response badRole =
        api.post("/platform/v1/service-keys", admin, "{\"tenant\":\"t\",\"role\":\"admin\"}");
    Response badTenant =
        api.post("/platform/v1/service-keys", admin, "{\"tenant\":\"a b\",\"role\":\"viewer\"}");
    Response revokeUnknown = api.delete("/platform/v1/service-keys/sb-unknown", admin);
    Response revokeBootstrap =
        api.delete("/platform/v1/service-keys/" + bootstrapKey().clientid(), admin);

    assertThat(created.identityzone()).isEqualTo(tenant);
    assertThat(created.serviceurls().aiApiUrl()).isEqualTo(issuer());
    assertThat(created.url()).isEqualTo(issuer());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains(created.clientid()).doesNotContain(created.clientsecret());
    assertThat(list.body()).doesNotContain("clientsecret").doesNotContain("secret_hash");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badTenant.status()).isEqualTo(400);
    assertThat(revokeUnknown.status()).isEqualTo(404);
    assertThat(revokeBootstrap.status()).isEqualTo(409);
  }

  @Test
  void revokedKeysGetNoTokensAndTheirTokensStopWorking() {
    ServiceKey key = serviceKey(tenant, "editor");
    String token = api.token(key);
    assertThat(api.get(SECRETS, token).status()).isEqualTo(200);

    Response revoked =
        api.delete("/platform/v1/service-keys/" + key.clientid(), api.token(bootstrapKey()));

    assertThat(revoked.status()).isEqualTo(204);
    assertThat(api.get(SECRETS, token).status()).isEqualTo(401);
    assertThat(api.tokenResponse(key.clientid(), key.clientsecret()).status()).isEqualTo(401);
  }

  @Test
  void issuesTokensForBasicAndFormClientAuthenticationOnly() {
    ServiceKey key = serviceKey(tenant, "viewer");
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((key.clientid() + ":" + key.clientsecret()).getBytes());

    Response viaBasic =
        api.send(
            "POST",
            "/oauth/token",
            null,
            "grant_type=client_credentials",
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Authorization",
            "Basic " + basic);
    Response wrongSecret = api.tokenResponse(key.clientid(), key.clientsecret() + "x");

    assertThat(viaBasic.status()).isEqualTo(200);
    assertThat(viaBasic.json().get("token_type").asString()).isEqualToIgnoringCase("Bearer");
    assertThat(viaBasic.json().get("expires_in").asLong()).isGreaterThan(600);
    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(wrongSecret.body()).doesNotContain(key.clientsecret());
  }

  @Test
  void offersNoRevocationOrIntrospectionThatWouldDoNothing() {
    ServiceKey key = serviceKey(tenant, "viewer");
    String token = api.token(key);
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((key.clientid() + ":" + key.clientsecret()).getBytes());
    for (String endpoint : List.of("/oauth2/revoke", "/oauth2/introspect")) {
      Response response =
          api.send(
              "POST",
              endpoint,
              null,
              "token=" + token,
              "Content-Type",
              "application/x-www-form-urlencoded",
              "Authorization",
              basic);
      assertThat(response.status()).as(endpoint).isEqualTo(404);
    }
    assertThat(api.get("/v2/admin/dockerRegistrySecrets", token).status()).isEqualTo(200);
  }

  @Test
  void tenantsNeverSeeEachOthersSecrets() {
    String tenantA = token(tenant, "editor");
    String tenantB = token(tenant + "-b", "editor");
    String config = dockerConfig("r.io", "a-user", "a-password");
    assertThat(api.post(SECRETS, tenantA, createBody("shared-name", config)).status())
        .isEqualTo(202);

    assertThat(api.get(SECRETS + "/shared-name", tenantB).status()).isEqualTo(404);
    assertThat(api.patch(SECRETS + "/shared-name", tenantB, patchBody(config)).status())
        .isEqualTo(404);
    assertThat(api.delete(SECRETS + "/shared-name", tenantB).status()).isEqualTo(404);
    assertThat(api.get(SECRETS, tenantB).json().get("count").asInt()).isZero();
    assertThat(
            api.post(SECRETS, tenantB, createBody("shared-name", dockerConfig("r.io", "b", "bp")))
                .status())
        .isEqualTo(202);
    assertThat(api.get(SECRETS + "/shared-name", tenantA).header("ETag")).isEqualTo("\"1\"");
    assertThat(
            api.get("/v2/admin/resourceQuota/dockerRegistrySecrets", tenantA)
                .json()
                .get("usage")
                .get("count")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void healthIsPublicAndEverythingElseNeedsAToken() {
    assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(api.get("/actuator/health", null).json().get("components").has("db")).isTrue();
    assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(401);
    assertThat(api.get("/actuator/env", null).status()).isEqualTo(401);
  }

  private String client() {
    return bootstrapKey().clientid();
  }

  private String issuer() {
    return "http://localhost:" + port;
  }
}
