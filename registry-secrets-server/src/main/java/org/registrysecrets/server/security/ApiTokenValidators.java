package org.registrysecrets.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The checks every API token passes: expiry, issuer, audience and, for our own clients, revocation.
 */
public final class ApiTokenValidators {

  private ApiTokenValidators() {}

  /**
   * @param issuer the expected {@code iss}, or {@code null} not to check it
   * @param revokedClients refuses tokens of revoked service keys, or {@code null}
   */
  public static OAuth2TokenValidator<Jwt> create(
      SecurityProperties properties,
      @Nullable Supplier<String> issuer,
      @Nullable RevokedClients revokedClients) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtTimestampValidator());
    validators.add(jwt -> lifetime(jwt, properties.maxTokenLifetime()));
    if (issuer != null) {
      validators.add(
          jwt ->
              issuer.get().equals(jwt.getClaimAsString("iss"))
                  ? OAuth2TokenValidatorResult.success()
                  : invalid("The token was issued by another issuer"));
    }
    if (!properties.audience().isEmpty()) {
      validators.add(
          jwt -> {
            List<String> audience = jwt.getAudience();
            if (audience != null) {
              for (String candidate : audience) { // a loop: this runs on every request
                if (properties.audience().contains(candidate)) {
                  return OAuth2TokenValidatorResult.success();
                }
              }
            }
            return invalid("The token is not meant for this API (audience)");
          });
    }
    if (revokedClients != null) {
      validators.add(
          jwt -> {
            String client = jwt.getClaimAsString("client_id");
            return client != null && revokedClients.isRevoked(client)
                ? invalid("The service key of this token was revoked")
                : OAuth2TokenValidatorResult.success();
          });
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  /**
   * A token must expire, and within {@code max} of being issued and of now: a token that never
   * expires cannot be taken back. The earlier of {@code iat} and now counts, since an issuer could
   * claim a future {@code iat} (and Spring fills a missing one in as one second before {@code
   * exp}).
   */
  private static OAuth2TokenValidatorResult lifetime(Jwt jwt, Duration max) {
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      return invalid("The token has no expiry (exp)");
    }
    Instant now = Instant.now();
    Instant issuedAt = jwt.getIssuedAt();
    Instant from = issuedAt != null && issuedAt.isBefore(now) ? issuedAt : now;
    return Duration.between(from, expiresAt).compareTo(max) > 0
        ? invalid("The token lives longer than this API accepts (" + max + ")")
        : OAuth2TokenValidatorResult.success();
  }

  private static OAuth2TokenValidatorResult invalid(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }
}
