package org.registrysecrets.server.secret;

import org.registrysecrets.api.SecretName;

/** The tenant already has a secret of this name. */
public class SecretAlreadyExistsException extends SecretException {

  private static final long serialVersionUID = 1L;

  public SecretAlreadyExistsException(SecretName name) {
    super(
        SecretRefusal.ALREADY_EXISTS,
        String.format(
            "A Docker registry secret named %s already exists; choose another name or edit it.",
            name));
  }
}
