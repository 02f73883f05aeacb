package org.registrysecrets.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.TestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the embedded issuer off, the API trusts an external one (an XSUAA- or Keycloak-like
 * provider, played here by a JWKS served on loopback) with its own issuer, audience and tenant
 * claim.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalIssuerApiTests {

  private static final String ISSUER = "https://idp.example.com/oauth/token";
  private static final Path DATA_DIR = TestData.newDataDir("external");
  private static final RSAKey IDP_KEY = generateKey();
  private static final HttpServer JWKS = serveJwks();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void externalIssuer(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.issuer.enabled", () -> "false");
    registry.add(
        "regsecrets.security.jwk-set-uri",
        () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/token_keys");
    registry.add("regsecrets.security.issuer", () -> ISSUER);
    registry.add("regsecrets.security.audience", () -> "sap-ai-core!b540");
    registry.add("regsecrets.security.tenant-claim", () -> "tenant_id");
  }

  @AfterAll
  static void stopJwks() {
    JWKS.stop(0);
  }

  @Test
  void acceptsTheExternalIssuersTokens() {
    ApiClient api = new ApiClient(port);
    String token = sign(claims().build());

    assertThat(
            api.post(
                    "/v2/admin/dockerRegistrySecrets",
                    token,
                    createBody("external", dockerConfig("r.io", "u", "p")))
                .status())
        .isEqualTo(202);
    assertThat(api.get("/v2/admin/dockerRegistrySecrets/external", token).status()).isEqualTo(200);
  }

  @Test
  void refusesTokensOfAnotherIssuerAudienceOrWithoutTenant() {
    ApiClient api = new ApiClient(port);

    for (JWTClaimsSet claims :
        List.of(
            claims().issuer("https://other.example.com").build(),
            claims().audience("other-app").build(),
            claims().claim("tenant_id", null).build())) {
      assertThat(api.get("/v2/admin/dockerRegistrySecrets", sign(claims)).status()).isEqualTo(401);
    }
  }

  @Test
  void refusesTokensThatNeverExpireOrLiveTooLong() {
    ApiClient api = new ApiClient(port);
    Instant now = Instant.now();

    for (JWTClaimsSet claims :
        List.of(
            claims().expirationTime(null).build(),
            claims().expirationTime(Date.from(now.plus(Duration.ofDays(30)))).build(),
            claims()
                .issueTime(null)
                .expirationTime(Date.from(now.plus(Duration.ofHours(25))))
                .build())) {
      assertThat(api.get("/v2/admin/dockerRegistrySecrets", sign(claims)).status())
          .as(claims.toString())
          .isEqualTo(401);
    }
    assertThat(
            api.get(
                    "/v2/admin/dockerRegistrySecrets",
                    sign(
                        claims().expirationTime(Date.from(now.plus(Duration.ofHours(23)))).build()))
                .status())
        .isEqualTo(200);
  }

  @Test
  void servesNoTokensAndWritesNoServiceKey() {
    ApiClient api = new ApiClient(port);

    assertThat(api.tokenResponse("any", "thing").status()).isEqualTo(401);
    assertThat(DATA_DIR.resolve("service-key.json")).doesNotExist();
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    String prefix = "sap-ai-core!b540.";
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("sb-client")
        .audience("sap-ai-core!b540")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("tenant_id", "zone-1")
        .claim("client_id", "sb-client")
        .claim("scope", List.of(prefix + Scopes.READ, prefix + Scopes.CREATE, "uaa.resource"));
  }

  private static String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(IDP_KEY.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(IDP_KEY));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("idp-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer serveJwks() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] body = new JWKSet(IDP_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/token_keys",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
