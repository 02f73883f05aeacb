package org.registrysecrets.api.wire;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The additive {@code "x-regsecrets"} object of a create or patch body: what Registry Secrets knows
 * beyond AI Core. SAP's clients never send it and are not affected by it.
 *
 * <pre>{"x-regsecrets": {"registries": {"ghcr.io": {"expiresAt": "2027-03-01T00:00:00Z"}},
 *                   "recheck": "P1D"}}</pre>
 *
 * @param expiresAt when the credentials of every entry expire, unless {@code registries} says
 *     otherwise for one
 * @param registries options per registry entry, by the entry's key in {@code auths}
 * @param recheck how often the server checks the stored credentials with their registries, as an
 *     ISO-8601 duration ({@code P1D}, {@code PT6H}), or {@code off}; absent keeps what the secret
 *     had
 */
public record RegistrySecretsExtension(
    @Nullable Instant expiresAt,
    @Nullable Map<String, Registry> registries,
    @Nullable String recheck) {

  /** The {@code recheck} value that turns re-checks off. */
  public static final String OFF = "off";

  /**
   * Options of one registry entry.
   *
   * @param expiresAt when its credentials stop working
   */
  public record Registry(@Nullable Instant expiresAt) {}
}
