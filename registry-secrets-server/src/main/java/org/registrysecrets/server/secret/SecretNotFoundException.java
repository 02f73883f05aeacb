package org.registrysecrets.server.secret;

import org.registrysecrets.api.SecretName;

/** The tenant has no secret of this name; another tenant's secret is reported the same way. */
public class SecretNotFoundException extends SecretException {

  private static final long serialVersionUID = 1L;

  public SecretNotFoundException(SecretName name) {
    super(SecretRefusal.NOT_FOUND, String.format("No Docker registry secret is named %s.", name));
  }
}
