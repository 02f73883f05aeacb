package org.registrysecrets.server.kubernetes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.registrysecrets.server.storage.Lease;
import org.registrysecrets.server.storage.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The sync's clock: on the replica that holds the lease, delivers the outbox after commit with
 * doubling waits while the cluster is away, and runs the full reconcile at its interval.
 */
class SyncDeliveryScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SyncDeliveryScheduler.class);

  private final SyncOutbox outbox;
  private final SyncStates states;
  private final Lease lease;
  private final SecretReconciler reconciler;
  private final KubernetesSyncProperties properties;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();
  private final PeriodicTask task = new PeriodicTask("kubernetes-sync");
  private Instant nextReconcile = Instant.EPOCH;

  SyncDeliveryScheduler(
      SyncOutbox outbox,
      SyncStates states,
      Lease lease,
      SecretReconciler reconciler,
      KubernetesSyncProperties properties,
      Clock clock) {
    this.outbox = outbox;
    this.states = states;
    this.lease = lease;
    this.reconciler = reconciler;
    this.properties = properties;
    this.clock = clock;
  }

  /** One round: keep the lead, deliver what is due, reconcile everything when it is time. */
  synchronized void tick() {
    Instant now = clock.instant();
    if (!lease.lead(owner, now, now.plus(properties.leaseDuration()))) {
      return;
    }
    deliverPending();
    if (!now.isBefore(nextReconcile)) {
      reconciler.reconcileAll();
      nextReconcile = now.plus(properties.reconcileInterval());
    }
  }

  synchronized void deliverPending() {
    for (SyncOutbox.Pending pending : outbox.due(clock.instant(), 100)) {
      try {
        reconciler.reconcile(pending.tenant(), pending.name());
        outbox.delivered(pending);
      } catch (RuntimeException e) {
        Duration wait = backoff(pending.attempts());
        outbox.retryLater(pending, clock.instant().plus(wait));
        states.set(
            pending.tenant(),
            pending.name(),
            SyncFailures.stateAfter(e),
            null,
            SyncFailures.describe(e));
        log.warn(
            "Kubernetes sync of {}/{} failed, retrying in {} s: {}",
            pending.tenant(),
            pending.name(),
            wait.toSeconds(),
            SyncFailures.describe(e));
      }
    }
  }

  private Duration backoff(int attempts) {
    Duration wait = properties.deliveryInterval().multipliedBy(1L << Math.min(attempts, 10));
    return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
  }

  @Override
  public void start() {
    task.start(properties.deliveryInterval(), this::tick);
  }

  /**
   * Lets a running round finish (see {@link PeriodicTask#stop()}); rounds are bounded by the
   * client's and the transactions' timeouts.
   */
  @Override
  public void stop() {
    if (task.running()) {
      task.stop();
      lease.release(owner);
    }
  }

  @Override
  public boolean isRunning() {
    return task.running();
  }
}
