package org.registrysecrets.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * The checks every API token passes: expiry, issuer, audience and, for our own clients, revocation.
 */
public final class ApiTokenValidators {

  /** How far the issuer's clock may differ from ours: Spring's default. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

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
    validators.add(jwt -> times(jwt, properties.maxTokenLifetime()));
    if (issuer != null) {
      validators.add(
          jwt ->
              issuer.get().equals(Claims.string(jwt, JwtClaimNames.ISS))
                  ? OAuth2TokenValidatorResult.success()
                  : invalid("The token was issued by another issuer"));
    }
    if (!properties.audience().isEmpty()) {
      validators.add(
          jwt -> {
            // The decoder leaves a list of strings; no conversion, and a loop: this runs on every
            // request.
            Object audience = jwt.getClaims().get(JwtClaimNames.AUD);
            Collection<?> candidates =
                audience instanceof Collection<?> values
                    ? values
                    : Objects.requireNonNullElse(jwt.getAudience(), List.of());
            for (Object candidate : candidates) {
              if (properties.audience().contains(candidate)) {
                return OAuth2TokenValidatorResult.success();
              }
            }
            return invalid("The token is not meant for this API (audience)");
          });
    }
    if (revokedClients != null) {
      validators.add(
          jwt -> {
            String client = Claims.string(jwt, "client_id");
            return client != null && revokedClients.isRevoked(client)
                ? invalid("The service key of this token was revoked")
                : OAuth2TokenValidatorResult.success();
          });
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  /**
   * A token must be current and expire, within {@code max} of being issued and of now: a token that
   * never expires cannot be taken back. Expiry and {@code nbf} allow {@link #CLOCK_SKEW} between
   * the issuer's clock and ours, as Spring's {@code JwtTimestampValidator} does; this check
   * replaces that one because its claim conversions cost more than the check. The earlier of {@code
   * iat} and now counts for the lifetime, since an issuer could claim a future {@code iat} (and
   * Spring fills a missing one in as one second before {@code exp}).
   */
  private static OAuth2TokenValidatorResult times(Jwt jwt, Duration max) {
    Instant expiresAt = Claims.instant(jwt, JwtClaimNames.EXP);
    if (expiresAt == null) {
      return invalid("The token has no expiry (exp)");
    }
    Instant now = Instant.now();
    if (now.minus(CLOCK_SKEW).isAfter(expiresAt)) {
      return invalid("The token expired at " + expiresAt);
    }
    Instant notBefore = Claims.instant(jwt, JwtClaimNames.NBF);
    if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore)) {
      return invalid("The token is not valid before " + notBefore);
    }
    Instant issuedAt = Claims.instant(jwt, JwtClaimNames.IAT);
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
