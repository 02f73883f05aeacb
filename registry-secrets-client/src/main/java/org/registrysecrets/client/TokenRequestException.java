package org.registrysecrets.client;

/** The token issuer refused the service key (wrong or revoked credentials, or a bad URL). */
public class TokenRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public TokenRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
