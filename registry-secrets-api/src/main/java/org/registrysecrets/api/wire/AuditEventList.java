package org.registrysecrets.api.wire;

import java.util.List;

/** Body of {@code GET /platform/v1/audit-events}: {@code count} matches in all, newest first. */
public record AuditEventList(long count, List<AuditEventInfo> resources) {

  public AuditEventList {
    resources = List.copyOf(resources);
  }
}
