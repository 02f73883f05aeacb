package org.registrysecrets.server.storage;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * The time by which the request on this thread must have committed its change. A write that reaches
 * its commit later is rolled back instead: its client has likely given up, and nothing it gave up
 * on may be applied behind its back.
 */
public final class RequestDeadline {

  private static final ThreadLocal<@Nullable Instant> DEADLINE = new ThreadLocal<>();

  private RequestDeadline() {}

  public static void set(Instant deadline) {
    DEADLINE.set(deadline);
  }

  public static void clear() {
    DEADLINE.remove();
  }

  /**
   * Call last inside a write's transaction.
   *
   * @throws TransactionTimedOutException if the deadline passed, which rolls the write back
   */
  public static void ensureNotPassed(Clock clock) {
    Instant deadline = DEADLINE.get();
    if (deadline != null && !clock.instant().isBefore(deadline)) {
      throw new TransactionTimedOutException("The request's deadline passed before its commit");
    }
  }
}
