package org.registrysecrets.server.secret;

/** A refused operation on a secret; {@link #refusal()} says why, in words clients can rely on. */
public abstract class SecretException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final SecretRefusal refusal;

  protected SecretException(SecretRefusal refusal, String message) {
    super(message);
    this.refusal = refusal;
  }

  public final SecretRefusal refusal() {
    return refusal;
  }
}
