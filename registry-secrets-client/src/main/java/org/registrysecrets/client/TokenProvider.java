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
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.ServiceKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Gets client-credentials tokens for a service key, as SAP's SDKs do (form post to {@code url +
 * "/oauth/token"}), and reuses each until shortly before it expires.
 */
public final class TokenProvider implements AccessTokens {

  /** A token is renewed this long before it expires, so that no call starts with a dying one. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

  private final ServiceKey key;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;
  private @Nullable String token;
  private Instant renewAt = Instant.MIN;

  TokenProvider(ServiceKey key, HttpClient http, Duration timeout, Clock clock) {
    this.key = key;
    this.http = http;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** A valid access token, fetched only when there is none or it is about to expire. */
  @Override
  public synchronized String token() {
    String current = token;
    if (current != null && clock.instant().isBefore(renewAt)) {
      return current;
    }
    return fetch();
  }

  /** Forgets the cached token, e.g. after the API refused it. */
  @Override
  public synchronized void invalidate() {
    token = null;
  }

  /**
   * The client-credentials request SAP's SDKs send for {@code key}: a form post to {@code url +
   * "/oauth/token"}. Public so that a load generator sends exactly what clients send.
   */
  public static HttpRequest tokenRequest(ServiceKey key, Duration timeout) {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(key.clientid(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(key.clientsecret(), StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(URI.create(key.tokenUrl()))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private String fetch() {
    HttpRequest request = tokenRequest(key, timeout);
    HttpResponse<String> response =
        BoundedExchange.send(
            http, request, BoundedExchange.MAX_TOKEN_ANSWER, timeout, key.tokenUrl());
    if (response.statusCode() != 200) {
      throw new TokenRequestException(
          response.statusCode(),
          "The token issuer refused the service key (HTTP "
              + response.statusCode()
              + "): check clientid, clientsecret and url.");
    }
    try {
      JsonNode body = ServiceKeys.JSON.readTree(response.body());
      String accessToken = body.path("access_token").asString("");
      if (accessToken.isEmpty()) {
        throw new TokenRequestException(200, "The token issuer answered without an access token.");
      }
      long expiresIn = body.path("expires_in").asLong(300);
      Instant now = clock.instant();
      Duration margin =
          Duration.ofSeconds(Math.min(RENEW_BEFORE_EXPIRY.toSeconds(), expiresIn / 10));
      token = accessToken;
      renewAt = now.plusSeconds(expiresIn).minus(margin);
      return accessToken;
    } catch (JacksonException e) {
      throw new TokenRequestException(
          200, "The token issuer answered with something that is not JSON.");
    }
  }
}
