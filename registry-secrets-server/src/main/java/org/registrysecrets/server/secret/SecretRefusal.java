package org.registrysecrets.server.secret;

/**
 * Why the secret rules refused an operation. {@link #code()} is AI Core's stable error code, which
 * the audit trail records and the API answers with.
 */
public enum SecretRefusal {
  NOT_FOUND("NotFound"),
  ALREADY_EXISTS("AlreadyExists"),
  VERSION_MISMATCH("PreconditionFailed"),
  QUOTA_EXCEEDED("QuotaExceeded"),
  CREDENTIAL_CHECK_FAILED("CredentialCheckFailed");

  private final String code;

  SecretRefusal(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
