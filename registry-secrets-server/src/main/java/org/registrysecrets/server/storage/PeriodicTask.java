package org.registrysecrets.server.storage;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background round on a daemon thread of its own, repeated with a fixed delay. A failed round is
 * logged by its exception's class only (a message might quote a value) and the next one runs as
 * planned. Stopping lets a running round finish instead of interrupting it: an interrupt inside a
 * JDBC call can make the embedded H2 close its file, failing every request until the pool reopens
 * it.
 */
public final class PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private volatile @Nullable ScheduledExecutorService executor;

  /**
   * @param name the thread's name, also used in log lines
   */
  public PeriodicTask(String name) {
    this.name = name;
  }

  /** Runs {@code round} every {@code every}, the first time after one {@code every}. */
  public void start(Duration every, Runnable round) {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
    long millis = every.toMillis();
    started.scheduleWithFixedDelay(
        () -> {
          try {
            round.run();
          } catch (RuntimeException e) {
            log.warn("A {} round failed: {}", name, e.getClass().getSimpleName());
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
    executor = started;
  }

  /** Waits up to 30 s for a running round to finish; no new one starts. */
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
  }

  public boolean running() {
    return executor != null;
  }
}
