package org.registrysecrets.server.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state follows the clock: {@code ok}, then {@code expiring} inside the window, then {@code
 * expired}.
 */
class SecretExpiryTests {

  @Test
  void movesFromOkToExpiringToExpiredAsTheClockAdvances() {
    Instant expiresAt = Instant.parse("2027-03-01T00:00:00Z");
    SecretExpiry expiry =
        new SecretExpiry(
            Map.of(
                "r.io", new SecretExpiry.Entry(expiresAt, SecretExpiry.GIVEN),
                "q.io", new SecretExpiry.Entry(expiresAt.plus(Duration.ofDays(90)), "jwt")));
    Duration week = Duration.ofDays(7);

    assertThat(expiry.earliest()).isEqualTo(expiresAt);
    assertThat(expiry.state(expiresAt.minus(Duration.ofDays(8)), week)).isEqualTo("ok");
    assertThat(expiry.state(expiresAt.minus(Duration.ofDays(6)), week)).isEqualTo("expiring");
    assertThat(expiry.state(expiresAt.minusSeconds(1), week)).isEqualTo("expiring");
    assertThat(expiry.state(expiresAt, week)).isEqualTo("expired");
    assertThat(expiry.state(expiresAt.plus(Duration.ofDays(1)), week)).isEqualTo("expired");
  }
}
