package org.registrysecrets.server.secret;

import org.registrysecrets.api.SecretName;

/** An {@code If-Match} named a version other than the stored one. */
public class SecretVersionMismatchException extends SecretException {

  private static final long serialVersionUID = 1L;

  public SecretVersionMismatchException(SecretName name) {
    super(
        SecretRefusal.VERSION_MISMATCH,
        String.format(
            "The Docker registry secret %s has changed since you read it (If-Match does not match its ETag); read it again and retry.",
            name));
  }
}
