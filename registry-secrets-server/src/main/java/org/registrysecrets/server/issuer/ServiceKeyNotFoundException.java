package org.registrysecrets.server.issuer;

/** No active service key has this client id. */
public class ServiceKeyNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ServiceKeyNotFoundException(String clientId) {
    super("No active service key has the client id " + clientId + ".");
  }
}
