package org.registrysecrets.server.secret;

/** The tenant already has as many secrets as its quota allows. */
public class SecretQuotaExceededException extends SecretException {

  private static final long serialVersionUID = 1L;

  public SecretQuotaExceededException(long maxCount) {
    super(
        SecretRefusal.QUOTA_EXCEEDED,
        "The tenant already has the maximum of "
            + maxCount
            + " Docker registry secrets; remove one before adding another.");
  }
}
