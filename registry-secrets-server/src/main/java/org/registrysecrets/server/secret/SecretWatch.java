package org.registrysecrets.server.secret;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.registrysecrets.server.storage.Lease;
import org.registrysecrets.server.storage.PeriodicTask;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets' clock, on one replica at a time (the {@code secret-watch} lease): expiry notices and
 * scheduled re-checks, every {@code regsecrets.secrets.watch-interval}; and, on every replica, the
 * secrets' metrics.
 */
@Component
class SecretWatch implements SmartLifecycle {

  static final String LEASE = "secret-watch";

  private final ExpiryNotices notices;
  private final SecretRechecks rechecks;
  private final SecretMetrics metrics;
  private final Lease lease;
  private final SecretProperties properties;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();
  private final PeriodicTask task = new PeriodicTask("secret-watch");

  SecretWatch(
      ExpiryNotices notices,
      SecretRechecks rechecks,
      SecretMetrics metrics,
      JdbcClient jdbc,
      SecretProperties properties,
      Clock clock) {
    this.notices = notices;
    this.rechecks = rechecks;
    this.metrics = metrics;
    this.lease = new Lease(jdbc, LEASE);
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * One round at {@code now} if this replica leads: notices first (they only write), then re-checks
   * (they wait on registries). Returns whether it led.
   */
  synchronized boolean round(Instant now) {
    Instant real = clock.instant();
    if (!lease.lead(owner, real, real.plus(properties.watchInterval().multipliedBy(3)))) {
      return false;
    }
    notices.raiseDue(now);
    rechecks.runDue(now);
    return true;
  }

  @Override
  public void start() {
    task.start(
        properties.watchInterval(),
        () -> {
          // Every replica serves the metrics; only the leader notifies and re-checks.
          metrics.refresh(clock.instant());
          round(clock.instant());
        });
  }

  @Override
  public void stop() {
    task.stop();
    lease.release(owner);
  }

  @Override
  public boolean isRunning() {
    return task.running();
  }
}
