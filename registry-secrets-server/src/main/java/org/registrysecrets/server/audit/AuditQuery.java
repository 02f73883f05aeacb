package org.registrysecrets.server.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which of a tenant's audit events a reader wants, newest first; every filter is optional.
 *
 * @param from events at or after this instant
 * @param to events before this instant
 */
public record AuditQuery(
    @Nullable String secret,
    @Nullable String actor,
    @Nullable Instant from,
    @Nullable Instant to,
    int top,
    long skip) {

  /** The most events one call returns. */
  public static final int MAX_TOP = 1000;

  public AuditQuery {
    if (top < 0 || top > MAX_TOP || skip < 0) {
      throw new IllegalArgumentException("top must be 0 to " + MAX_TOP + ", skip not negative");
    }
  }
}
