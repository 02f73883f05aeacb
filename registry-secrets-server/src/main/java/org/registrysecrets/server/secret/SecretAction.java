package org.registrysecrets.server.secret;

import java.util.Locale;

/** What can be done to a stored secret: one vocabulary for the audit trail and change events. */
public enum SecretAction {
  CREATE,
  MODIFY,
  DELETE,
  VERIFY,
  RESTORE,
  /** A scheduled re-check of the stored credentials, by the server itself. */
  RECHECK,
  /** A renewal of a login from its credential source, by the server itself. */
  RENEW;

  /** The word the audit trail records: {@code create}, {@code modify}, ... */
  public String auditName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
