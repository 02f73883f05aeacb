package org.registrysecrets.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The claim checks on their own: times, lifetime, issuer, audience, revocation. */
class ApiTokenValidatorsTests {

  private final OAuth2TokenValidator<Jwt> validator =
      ApiTokenValidators.create(
          new SecurityProperties("zid", List.of(), null, null, Duration.ofHours(24)), null, null);

  @Test
  void refusesTokensWithoutExpiryOrWithTooLongALife() {
    Instant now = Instant.now();

    assertThat(valid(token(now, null))).isFalse();
    assertThat(valid(token(now, now.plus(Duration.ofDays(30))))).isFalse();
    assertThat(valid(token(null, now.plus(Duration.ofHours(25))))).isFalse();
    assertThat(valid(token(now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(23)))))
        .isFalse();
    // An issued-at in the future does not stretch the life: ten years ahead, "issued" an hour
    // before
    assertThat(
            valid(
                token(
                    now.plus(Duration.ofDays(3650)),
                    now.plus(Duration.ofDays(3650)).plusSeconds(3600))))
        .isFalse();
    assertThat(valid(token(now, now.plus(Duration.ofHours(23))))).isTrue();
    assertThat(valid(token(null, now.plus(Duration.ofHours(1))))).isTrue();
  }

  @Test
  void allowsAMinuteOfClockSkewAroundExpiryAndNotBefore() {
    Instant now = Instant.now();

    assertThat(valid(token(now.minusSeconds(600), now.minusSeconds(30)))).isTrue();
    assertThat(valid(token(now.minusSeconds(600), now.minusSeconds(90)))).isFalse();
    assertThat(valid(withNotBefore(now.plusSeconds(30)))).isTrue();
    assertThat(valid(withNotBefore(now.plusSeconds(90)))).isFalse();
  }

  @Test
  void readsANotBeforeThatIsNotAnInstantYet() {
    Instant now = Instant.now();
    Jwt.Builder token = base().issuedAt(now).expiresAt(now.plusSeconds(3600));

    assertThat(valid(token.claim("nbf", now.getEpochSecond() - 10).build())).isTrue();
    assertThat(valid(token.claim("nbf", now.getEpochSecond() + 600).build())).isFalse();
  }

  @Test
  void checksIssuerAudienceAndRevocation() {
    OAuth2TokenValidator<Jwt> strict =
        ApiTokenValidators.create(
            new SecurityProperties(
                "zid", List.of("registry-secrets"), null, null, Duration.ofHours(24)),
            () -> "https://issuer.example",
            "revoked-client"::equals);
    Instant now = Instant.now();

    assertThat(strict.validate(claims(now, "https://issuer.example", "registry-secrets", "ok")))
        .matches(result -> !result.hasErrors());
    assertThat(strict.validate(claims(now, "https://other.example", "registry-secrets", "ok")))
        .matches(result -> result.hasErrors());
    assertThat(strict.validate(claims(now, "https://issuer.example", "another-api", "ok")))
        .matches(result -> result.hasErrors());
    assertThat(
            strict.validate(
                claims(now, "https://issuer.example", "registry-secrets", "revoked-client")))
        .matches(result -> result.hasErrors());
    // An audience given as one string, not a list, counts as well
    assertThat(
            strict.validate(
                base()
                    .expiresAt(now.plusSeconds(600))
                    .issuer("https://issuer.example")
                    .claim("aud", "registry-secrets")
                    .claim("client_id", "ok")
                    .build()))
        .matches(result -> !result.hasErrors());
  }

  private boolean valid(Jwt jwt) {
    return !validator.validate(jwt).hasErrors();
  }

  private static Jwt withNotBefore(Instant notBefore) {
    Instant now = Instant.now();
    return base().issuedAt(now).notBefore(notBefore).expiresAt(now.plusSeconds(3600)).build();
  }

  private static Jwt claims(Instant now, String issuer, String audience, String client) {
    return base()
        .expiresAt(now.plusSeconds(600))
        .issuer(issuer)
        .audience(List.of(audience))
        .claim("client_id", client)
        .build();
  }

  private static Jwt.Builder base() {
    return Jwt.withTokenValue("t").header("alg", "RS256").subject("s");
  }

  private static Jwt token(Instant issuedAt, Instant expiresAt) {
    Jwt.Builder builder = base();
    if (issuedAt != null) {
      builder.issuedAt(issuedAt);
    }
    if (expiresAt != null) {
      builder.expiresAt(expiresAt);
    }
    return builder.build();
  }
}
