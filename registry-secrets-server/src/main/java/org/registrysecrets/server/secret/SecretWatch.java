package org.registrysecrets.server.secret;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.storage.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private static final Logger log = LoggerFactory.getLogger(SecretWatch.class);
  static final String LEASE = "secret-watch";

  private final ExpiryNotices notices;
  private final SecretRechecks rechecks;
  private final SecretMetrics metrics;
  private final Lease lease;
  private final SecretProperties properties;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();
  private volatile @Nullable ScheduledExecutorService executor;

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
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "secret-watch");
              thread.setDaemon(true);
              return thread;
            });
    long every = properties.watchInterval().toMillis();
    started.scheduleWithFixedDelay(this::roundQuietly, every, every, TimeUnit.MILLISECONDS);
    executor = started;
  }

  /** Lets a running round finish: an interrupt inside a JDBC call can make H2 close its file. */
  @Override
  public void stop() {
    ScheduledExecutorService started = executor;
    executor = null;
    if (started == null) {
      return;
    }
    started.shutdown();
    try {
      started.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lease.release(owner);
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  private void roundQuietly() {
    try {
      // Every replica serves the metrics; only the leader notifies and re-checks.
      metrics.refresh(clock.instant());
      round(clock.instant());
    } catch (RuntimeException e) {
      log.warn("Secret watch round failed: {}", e.getClass().getSimpleName());
    }
  }
}
