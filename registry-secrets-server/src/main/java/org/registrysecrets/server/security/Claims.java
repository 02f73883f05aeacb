package org.registrysecrets.server.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * Reads a token's claims as the decoder left them. Spring's {@code getClaimAs...} runs its
 * conversion service on every call, which on an authenticated read cost more than the claim checks
 * themselves; the claims we read are nearly always strings already.
 */
final class Claims {

  private Claims() {}

  /** The claim as a string, converted by Spring only when it is not one already. */
  static @Nullable String string(ClaimAccessor token, String name) {
    Object value = token.getClaims().get(name);
    return value == null || value instanceof String ? (String) value : token.getClaimAsString(name);
  }

  /**
   * The claim as an instant; the decoder leaves {@code exp}, {@code nbf} and {@code iat} as one.
   */
  static @Nullable Instant instant(ClaimAccessor token, String name) {
    Object value = token.getClaims().get(name);
    return value == null || value instanceof Instant
        ? (Instant) value
        : token.getClaimAsInstant(name);
  }
}
