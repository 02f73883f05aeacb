package org.registrysecrets.server.issuer;

import java.time.Duration;
import org.registrysecrets.server.storage.PeriodicTask;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the database for service keys that another replica revoked, every {@code
 * regsecrets.issuer.revocation-poll} (250 ms): a revoked key's tokens are refused by every replica
 * within that time plus one request, at the cost of one indexed query per poll and replica. A poll
 * works the same on H2 and PostgreSQL; PostgreSQL's LISTEN/NOTIFY would need a connection held open
 * per replica for a gain of a few hundred milliseconds.
 */
final class RevocationFeed implements SmartLifecycle {

  private final RevocationCache revocations;
  private final Duration every;
  private final PeriodicTask task = new PeriodicTask("revocation-feed");
  private volatile boolean running;

  RevocationFeed(RevocationCache revocations, Duration every) {
    this.revocations = revocations;
    this.every = every;
  }

  @Override
  public void start() {
    running = true;
    task.start(every, revocations::learnRecentRevocations);
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
