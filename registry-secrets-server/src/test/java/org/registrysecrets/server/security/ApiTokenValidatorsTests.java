package org.registrysecrets.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The lifetime rule on its own: a token must expire, and soon enough. */
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

  private boolean valid(Jwt jwt) {
    return !validator.validate(jwt).hasErrors();
  }

  private static Jwt token(Instant issuedAt, Instant expiresAt) {
    Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("s");
    if (issuedAt != null) {
      builder.issuedAt(issuedAt);
    }
    if (expiresAt != null) {
      builder.expiresAt(expiresAt);
    }
    return builder.build();
  }
}
