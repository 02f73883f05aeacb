package org.registrysecrets.server.secret;

import org.registrysecrets.api.SecretName;

/** The secret exists, but no such version of it is kept. */
public class SecretVersionNotFoundException extends SecretException {

  private static final long serialVersionUID = 1L;

  public SecretVersionNotFoundException(SecretName name, long version) {
    super(
        SecretRefusal.NOT_FOUND,
        String.format(
            "Version %d of the Docker registry secret %s is not kept; list the kept ones with"
                + " GET .../%s/versions.",
            version, name, name));
  }
}
