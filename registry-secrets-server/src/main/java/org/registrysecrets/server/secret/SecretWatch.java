package org.registrysecrets.server.secret;

import java.time.Clock;
import java.time.Instant;
import org.registrysecrets.server.storage.LeaderTask;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets' clock, on one replica at a time (the {@code secret-watch} lease): expiry notices,
 * renewals of logins from credential sources and scheduled re-checks, every {@code
 * regsecrets.secrets.watch-interval}; and, on every replica, the secrets' metrics.
 */
@Component
class SecretWatch implements SmartLifecycle {

  static final String LEASE = "secret-watch";

  private final ExpiryNotices notices;
  private final SecretRechecks rechecks;
  private final SourceRenewals renewals;
  private final SecretMetrics metrics;
  private final LeaderTask task;
  private final Clock clock;

  SecretWatch(
      ExpiryNotices notices,
      SecretRechecks rechecks,
      SourceRenewals renewals,
      SecretMetrics metrics,
      JdbcClient jdbc,
      SecretProperties properties,
      Clock clock) {
    this.notices = notices;
    this.rechecks = rechecks;
    this.renewals = renewals;
    this.metrics = metrics;
    this.task = new LeaderTask(jdbc, LEASE, properties.watchInterval());
    this.clock = clock;
  }

  /**
   * One round at {@code now} if this replica leads: notices first (they only write), then renewals
   * (a login must not lapse while re-checks wait on registries), then re-checks. Returns whether it
   * led.
   */
  synchronized boolean round(Instant now) {
    if (!task.lead()) {
      return false;
    }
    notices.raiseDue(now);
    renewals.runDue(now);
    rechecks.runDue(now);
    return true;
  }

  @Override
  public void start() {
    task.start(
        () -> {
          // Every replica serves the metrics; only the leader notifies and re-checks.
          metrics.refresh(clock.instant());
          round(clock.instant());
        });
  }

  @Override
  public void stop() {
    task.stop();
  }

  @Override
  public boolean isRunning() {
    return task.running();
  }
}
