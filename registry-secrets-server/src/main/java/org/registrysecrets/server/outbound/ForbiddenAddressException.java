package org.registrysecrets.server.outbound;

import java.net.UnknownHostException;

/** A name resolved to an address the guard refuses; no connection was attempted. */
public final class ForbiddenAddressException extends UnknownHostException {

  private static final long serialVersionUID = 1L;

  public ForbiddenAddressException(String message) {
    super(message);
  }
}
