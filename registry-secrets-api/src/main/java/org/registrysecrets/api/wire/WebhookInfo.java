package org.registrysecrets.api.wire;

import java.time.Instant;
import java.util.List;

/** A webhook as the platform API shows it: never its secret. */
public record WebhookInfo(
    String id, String url, List<String> events, Instant createdAt, String createdBy) {

  public WebhookInfo {
    events = List.copyOf(events);
  }
}
