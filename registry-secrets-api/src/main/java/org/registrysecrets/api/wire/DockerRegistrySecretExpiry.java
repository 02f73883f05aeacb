package org.registrysecrets.api.wire;

import java.time.Instant;
import java.util.Map;

/**
 * When a secret's credentials expire (Registry Secrets only; additive in the metadata).
 *
 * @param expiresAt the earliest expiry of any entry
 * @param state {@code ok}, {@code expiring} (within the warning window, default 7 days) or {@code
 *     expired}
 * @param registries per entry: its expiry and where it was learned ({@code user}, {@code jwt},
 *     {@code ecr})
 */
public record DockerRegistrySecretExpiry(
    Instant expiresAt, String state, Map<String, RegistryExpiry> registries) {

  public static final String OK = "ok";
  public static final String EXPIRING = "expiring";
  public static final String EXPIRED = "expired";

  public DockerRegistrySecretExpiry {
    registries = Map.copyOf(registries);
  }

  /** One entry's expiry. */
  public record RegistryExpiry(Instant expiresAt, String source) {}
}
