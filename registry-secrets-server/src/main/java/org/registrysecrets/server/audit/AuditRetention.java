package org.registrysecrets.server.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.registrysecrets.server.storage.Lease;
import org.registrysecrets.server.storage.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes audit events older than the retention, on one replica at a time (the {@code
 * audit-retention} lease), in batches of short transactions so that writers never wait long.
 */
@Component
class AuditRetention implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
  static final String LEASE = "audit-retention";
  private static final int BATCH = 1000;

  private final AuditLog audit;
  private final LaunchpadAuditLog launchpadAudit;
  private final Lease lease;
  private final AuditProperties properties;
  private final Clock clock = Clock.systemUTC();
  private final String owner = UUID.randomUUID().toString();
  private final PeriodicTask task = new PeriodicTask("audit-retention");
  private volatile boolean running;

  AuditRetention(
      AuditLog audit,
      LaunchpadAuditLog launchpadAudit,
      JdbcClient jdbc,
      AuditProperties properties) {
    this.audit = audit;
    this.launchpadAudit = launchpadAudit;
    this.lease = new Lease(jdbc, LEASE);
    this.properties = properties;
  }

  /**
   * Deletes what outlived the retention if this replica holds the lease; returns how many events
   * were deleted.
   */
  int prune() {
    Instant now = clock.instant();
    // The lease outlives one round by far; a round that takes longer is cut short below.
    Duration hold = properties.retentionInterval().plusMinutes(5);
    if (!lease.lead(owner, now, now.plus(hold))) {
      return 0;
    }
    Instant cutoff = now.minus(properties.retention());
    Instant stopAt = now.plus(properties.retentionInterval());
    int deleted = 0;
    int batch;
    do {
      batch = audit.deleteBefore(cutoff, BATCH);
      deleted += batch;
    } while (batch == BATCH && running && clock.instant().isBefore(stopAt));
    do {
      batch = launchpadAudit.deleteBefore(cutoff, BATCH);
      deleted += batch;
    } while (batch == BATCH && running && clock.instant().isBefore(stopAt));
    if (deleted > 0) {
      log.info("Deleted {} audit events older than {}", deleted, cutoff);
    }
    return deleted;
  }

  @Override
  public void start() {
    running = true;
    task.start(properties.retentionInterval(), this::prune);
  }

  @Override
  public void stop() {
    running = false;
    task.stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
