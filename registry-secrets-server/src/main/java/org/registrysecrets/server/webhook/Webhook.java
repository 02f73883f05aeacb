package org.registrysecrets.server.webhook;

import java.time.Instant;
import java.util.List;
import org.registrysecrets.server.tenant.TenantId;

/** A registered receiver of a tenant's events; its signing secret stays sealed in the store. */
record Webhook(
    String id,
    TenantId tenant,
    String url,
    List<String> events,
    Instant createdAt,
    String createdBy) {

  Webhook {
    events = List.copyOf(events);
  }
}
