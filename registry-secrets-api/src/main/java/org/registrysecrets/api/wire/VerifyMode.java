package org.registrysecrets.api.wire;

import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;

/**
 * How a create or patch checks the credentials with their registries first: the query parameter
 * {@code verify}.
 *
 * <ul>
 *   <li>{@code false} (or absent): no check.
 *   <li>{@code true}: strict; nothing is stored unless every registry accepts the credentials.
 *   <li>{@code advisory}: only a registry that answers and refuses the credentials stops the save;
 *       a check that reaches no conclusion (unreachable, TLS error, not a registry) stores the
 *       secret and says so in the response's {@code warnings}.
 * </ul>
 */
public enum VerifyMode {
  OFF("false"),
  STRICT("true"),
  ADVISORY("advisory");

  private final String parameter;

  VerifyMode(String parameter) {
    this.parameter = parameter;
  }

  /** The value of the {@code verify} query parameter. */
  public String parameter() {
    return parameter;
  }

  /** Reads the query parameter; absent is {@link #OFF}. */
  public static VerifyMode parse(@Nullable String value) {
    if (value == null) {
      return OFF;
    }
    for (VerifyMode mode : values()) {
      if (mode.parameter.equals(value)) {
        return mode;
      }
    }
    throw new InvalidInputException("verify must be true, false or advisory.");
  }

  /** Whether a check with these results stops the save. */
  public boolean refuses(RegistryVerification verification) {
    return switch (this) {
      case OFF -> false;
      case STRICT -> !verification.acceptable();
      case ADVISORY ->
          verification.results().stream()
              .anyMatch(result -> result.status().equals(RegistryCheckResult.INVALID_CREDENTIALS));
    };
  }
}
