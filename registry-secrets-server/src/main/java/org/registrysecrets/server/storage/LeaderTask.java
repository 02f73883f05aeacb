package org.registrysecrets.server.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A periodic round that does its work on one replica at a time: {@link #lead()} takes or renews the
 * named {@link Lease} for three intervals, so a leader that dies is replaced after that.
 */
public final class LeaderTask {

  private final Lease lease;
  private final Duration interval;
  private final PeriodicTask task;
  private final Clock clock = Clock.systemUTC();
  private final String owner = UUID.randomUUID().toString();

  public LeaderTask(JdbcClient jdbc, String leaseName, Duration interval) {
    this.lease = new Lease(jdbc, leaseName);
    this.interval = interval;
    this.task = new PeriodicTask(leaseName);
  }

  /** Whether this replica leads now; call at the start of each round. */
  public boolean lead() {
    Instant now = clock.instant();
    return lease.lead(owner, now, now.plus(interval.multipliedBy(3)));
  }

  public void start(Runnable round) {
    task.start(interval, round);
  }

  /** Lets a running round finish, then hands the lease on. */
  public void stop() {
    task.stop();
    lease.release(owner);
  }

  public boolean running() {
    return task.running();
  }
}
