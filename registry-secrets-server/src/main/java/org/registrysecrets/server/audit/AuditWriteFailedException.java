package org.registrysecrets.server.audit;

/** The audit event could not be written, so the change it describes must not happen either. */
public class AuditWriteFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AuditWriteFailedException(Throwable cause) {
    super("The audit event could not be written", cause);
  }
}
