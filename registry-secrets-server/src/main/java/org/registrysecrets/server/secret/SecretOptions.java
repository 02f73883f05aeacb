package org.registrysecrets.server.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a create or patch says beyond the Docker config (the {@code x-regsecrets} object).
 *
 * @param expiresAt expiries the user gave, by registry entry; others are learned from the
 *     credentials where they carry one
 * @param recheck how often to check the stored credentials with their registries: {@code null}
 *     keeps what the secret had, {@link Duration#ZERO} turns re-checks off
 */
public record SecretOptions(Map<String, Instant> expiresAt, @Nullable Duration recheck) {

  /** Nothing beyond the config: no given expiry, re-checks as they were. */
  public static final SecretOptions NONE = new SecretOptions(Map.of(), null);

  public SecretOptions {
    expiresAt = Map.copyOf(expiresAt);
  }
}
