package org.registrysecrets.client;

/** The API or its token issuer could not be reached, or did not answer in time. */
public class ApiUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ApiUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
