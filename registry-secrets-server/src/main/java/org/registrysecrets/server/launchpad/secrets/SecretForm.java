package org.registrysecrets.server.launchpad.secrets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.wire.VerifyMode;
import org.registrysecrets.client.RegistrySecretsClient;

/**
 * What the Add and Edit dialogs post: a name (Add only), the secret in any accepted form, whether
 * to check it with the registry first, optionally the day its credentials expire, and how often the
 * server checks them again.
 */
record SecretForm(
    @Nullable String name,
    @Nullable String secret,
    @Nullable String verify,
    @Nullable String expires,
    @Nullable String recheck) {

  /**
   * The checkbox posts {@code advisory} (the Launchpad's default: only a refusal stops the save);
   * absent, or {@code false} after *Save anyway*, is no check.
   */
  VerifyMode verifyMode() {
    return VerifyMode.parse(verify == null || verify.isBlank() ? null : verify);
  }

  /** The expiry for every registry of the secret, as the API takes it; none if not given. */
  Map<String, Instant> expiresAt() {
    if (expires == null || expires.isBlank()) {
      return Map.of();
    }
    try {
      return Map.of(
          RegistrySecretsClient.EVERY_REGISTRY,
          LocalDate.parse(expires.strip()).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("Expires must be a date such as 2027-03-01.");
    }
  }

  /** The re-check interval as the API takes it ({@code P1D}, {@code off}); none keeps it. */
  @Nullable String recheckInterval() {
    return recheck == null || recheck.isBlank() ? null : recheck.strip();
  }

  @Override
  public String toString() {
    return "SecretForm[" + name + ", secret=****]";
  }
}
