package org.registrysecrets.server.audit;

import java.util.List;

/** One page of audit events, newest first, and how many match the query in all. */
public record AuditPage(long count, List<AuditEvent> events) {

  public AuditPage {
    events = List.copyOf(events);
  }
}
