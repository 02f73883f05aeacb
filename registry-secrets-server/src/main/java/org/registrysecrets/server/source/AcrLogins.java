package org.registrysecrets.server.source;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.dockerconfig.DockerConfigJson;
import org.registrysecrets.api.json.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Azure Container Registry logins: Azure Identity's client-secret credential gets a Microsoft Entra
 * access token for the registry scope, and the registry's {@code /oauth2/exchange} turns it into an
 * ACR refresh token (3 hours), which logs in with the all-zero user id, as {@code az acr login}
 * does.
 */
final class AcrLogins {

  static final String USERNAME = "00000000-0000-0000-0000-000000000000";
  private static final String SCOPE = "https://containerregistry.azure.net/.default";
  private static final Duration DEFAULT_LIFETIME = Duration.ofHours(3);
  private static final JsonMapper JSON = JsonMappers.builder().build();

  private final SourceProperties properties;
  private final HttpClient azureHttp;
  private final VendorHttp http;
  private final Clock clock;

  AcrLogins(SourceProperties properties, SSLContext tls, VendorHttp http, Clock clock) {
    this.properties = properties;
    this.azureHttp =
        new JdkHttpClientBuilder(
                java.net.http.HttpClient.newBuilder()
                    .sslContext(tls)
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER))
            .connectionTimeout(properties.timeout())
            .build();
    this.http = http;
    this.clock = clock;
  }

  DerivedLogin login(CredentialSource.Acr source) {
    ClientSecretCredential credential =
        new ClientSecretCredentialBuilder()
            .authorityHost(properties.acrAuthorityHost().toString())
            .tenantId(source.tenantId())
            .clientId(source.clientId())
            .clientSecret(source.clientSecret().reveal())
            .httpClient(azureHttp)
            .disableInstanceDiscovery()
            .maxRetry(0)
            .build();
    AccessToken entra;
    try {
      entra = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
    } catch (RuntimeException e) {
      throw new SourceExchangeException(
          "Microsoft Entra refused the application: " + e.getMessage(), true);
    }
    URI exchange =
        properties.acrExchangeEndpoint() != null
            ? properties.acrExchangeEndpoint()
            : URI.create("https://" + source.registry() + "/oauth2/exchange");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "access_token");
    form.put("service", source.registry());
    form.put("tenant", source.tenantId());
    form.put("access_token", entra.getToken());
    JsonNode answer =
        http.post(
            "The registry's token exchange",
            exchange,
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            VendorHttp.form(form));
    String refreshToken = answer.path("refresh_token").asString("");
    if (refreshToken.isEmpty()) {
      throw new SourceExchangeException(
          "The registry's token exchange gave no refresh token", true);
    }
    return new DerivedLogin(
        DockerConfigJson.ofLogins(
            List.of(
                new DockerConfigJson.Login(
                    source.registry(), USERNAME, Plaintext.of(refreshToken)))),
        expiry(refreshToken));
  }

  /** The refresh token's {@code exp}, read without verifying (the registry verifies it). */
  private Instant expiry(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length == 3) {
      try {
        JsonNode claims =
            JSON.readTree(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        if (claims.path("exp").isNumber()) {
          return Instant.ofEpochSecond(claims.path("exp").asLong());
        }
      } catch (RuntimeException e) {
        // Not a JWT after all: the documented lifetime below.
      }
    }
    return clock.instant().plus(DEFAULT_LIFETIME);
  }
}
