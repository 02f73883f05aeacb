package org.registrysecrets.server.crypto;

/** A stored ciphertext could not be opened: wrong key, tenant or name, or tampered bytes. */
public class SecretDecryptionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecretDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
