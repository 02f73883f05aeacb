package org.registrysecrets.server.secret;

/** A refused operation on a secret; {@link #code()} is the stable code clients see. */
public abstract class SecretException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected SecretException(String message) {
    super(message);
  }

  public abstract String code();
}
