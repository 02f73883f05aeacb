package org.registrysecrets.server.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.registrysecrets.server.storage.LeaderTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a rotation, seals every row again with the primary key, in batches of short transactions,
 * on one replica at a time (the {@code data-key-reseal} lease). It keeps no progress of its own:
 * the rows' key ids are the progress, so a crash or restart simply continues.
 */
class DataKeyReseal implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DataKeyReseal.class);
  static final String LEASE = "data-key-reseal";
  private static final int BATCH = 100;

  private final DataKeys keys;
  private final LeaderTask task;
  private final Duration interval;
  private final Clock clock = Clock.systemUTC();

  DataKeyReseal(DataKeys keys, JdbcClient jdbc, Duration interval) {
    this.keys = keys;
    this.task = new LeaderTask(jdbc, LEASE, interval);
    this.interval = interval;
  }

  /** One round: batches until nothing is left or the round's time is up; returns rows sealed. */
  int round() {
    if (!task.lead()) {
      return 0;
    }
    Instant stopAt = clock.instant().plus(interval);
    int total = 0;
    int batch;
    do {
      batch = keys.resealBatch(BATCH);
      total += batch;
    } while (batch > 0 && clock.instant().isBefore(stopAt));
    if (total > 0) {
      log.info("Sealed {} rows again with data key {}", total, keys.primaryKeyId());
    }
    return total;
  }

  @Override
  public void start() {
    task.start(this::round);
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
