package org.registrysecrets.server.source;

import java.util.Objects;

/**
 * The vendor did not give a login for the source. The message is the provider's answer for people,
 * with every credential of the source taken out.
 */
public class SourceExchangeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean refused;

  SourceExchangeException(String message, boolean refused) {
    super(message, null, false, false);
    this.refused = refused;
  }

  /** The provider's answer, never absent. */
  @Override
  public String getMessage() {
    return Objects.requireNonNullElse(super.getMessage(), "no answer");
  }

  /** Whether the provider answered and refused, rather than could not be reached. */
  public boolean refused() {
    return refused;
  }
}
