package org.registrysecrets.server.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Health component {@code storage}: UP only if a write commits. A database that still answers reads
 * but cannot commit (a full disk, a closed H2 file) is DOWN, so readiness fails and a load balancer
 * stops sending writes here. Health is public, so one result serves for a second: probe floods do
 * not become database writes.
 */
@Component("storage")
class WritableStorageHealthIndicator implements HealthIndicator {

  private static final Duration REUSE = Duration.ofSeconds(1);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final StorageRecovery recovery;
  private final Clock clock;
  private @Nullable Health last;
  private Instant lastAt = Instant.MIN;

  WritableStorageHealthIndicator(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      StorageRecovery recovery,
      Clock clock) {
    this.jdbc = jdbc;
    this.recovery = recovery;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setTimeout(5);
    this.clock = clock;
  }

  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    Health reused = last;
    if (reused != null && now.isBefore(lastAt.plus(REUSE))) {
      return reused;
    }
    Health current;
    try {
      transaction.executeWithoutResult(
          status ->
              jdbc.sql("update health_probe set checked_at = ? where id = 1")
                  .param(SqlValues.utc(now))
                  .update());
      current = Health.up().build();
    } catch (RuntimeException e) {
      recovery.afterFailure(e);
      // The type says enough; a message could name files or hosts.
      current = Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
    last = current;
    lastAt = now;
    return current;
  }
}
