package org.registrysecrets.server.issuer;

/** The service key cannot be revoked because the instance depends on it. */
public class ServiceKeyInUseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ServiceKeyInUseException(String message) {
    super(message);
  }
}
