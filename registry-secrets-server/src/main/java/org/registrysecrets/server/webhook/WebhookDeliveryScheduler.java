package org.registrysecrets.server.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.WebhookDeliveryInfo;
import org.registrysecrets.server.storage.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox on every replica: claims due rows, posts them a few at a time, and retries a
 * failed attempt with doubling waits until {@code give-up-after} has passed since the event.
 */
@Component
class WebhookDeliveryScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryScheduler.class);
  private static final int BATCH = 50;
  private static final int PARALLEL = 4;

  private final WebhookOutbox outbox;
  private final WebhookRepository webhooks;
  private final WebhookSender sender;
  private final WebhookProperties properties;
  private final WebhookMetrics metrics;
  private final Clock clock;
  private final PeriodicTask task = new PeriodicTask("webhook-outbox");
  private volatile @Nullable ExecutorService senders;

  WebhookDeliveryScheduler(
      WebhookOutbox outbox,
      WebhookRepository webhooks,
      WebhookSender sender,
      WebhookProperties properties,
      WebhookMetrics metrics,
      Clock clock) {
    this.outbox = outbox;
    this.webhooks = webhooks;
    this.sender = sender;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** One round: every due delivery this replica could claim gets one attempt. */
  synchronized int deliverDue() {
    ExecutorService pool = senders;
    if (pool == null) {
      return 0;
    }
    Instant now = clock.instant();
    // Long enough for one attempt: a replica that dies mid-attempt leaves the row due again.
    Instant claimedUntil = now.plus(properties.timeout().multipliedBy(3));
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (WebhookOutbox.Due due : outbox.due(now, BATCH)) {
      if (outbox.claim(due, claimedUntil)) {
        attempts.add(() -> attempt(due));
      }
    }
    int delivered = 0;
    try {
      for (var result : pool.invokeAll(attempts)) {
        if (Boolean.TRUE.equals(result.get())) {
          delivered++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      log.warn(
          "Webhook delivery failed: {}",
          java.util.Objects.requireNonNullElse(e.getCause(), e).getClass().getSimpleName());
    }
    outbox.deleteFinishedBefore(now.minus(properties.keepDeliveries()));
    return delivered;
  }

  private boolean attempt(WebhookOutbox.Due due) {
    var target = webhooks.target(due.tenant(), due.webhookId());
    if (target.isEmpty()) {
      return false; // removed meanwhile; its deliveries went with it
    }
    WebhookSender.Attempt attempt =
        sender.send(target.get().url(), due.body(), target.get().secret());
    Instant now = clock.instant();
    metrics.attempted(attempt.delivered());
    if (attempt.delivered()) {
      outbox.attempted(due, WebhookDeliveryInfo.DELIVERED, attempt.outcome(), now);
      return true;
    }
    Instant next = now.plus(backoff(due.attempts()));
    if (next.isAfter(due.createdAt().plus(properties.giveUpAfter()))) {
      outbox.attempted(due, WebhookDeliveryInfo.FAILED, attempt.outcome(), now);
      log.warn(
          "Gave up delivering event {} to webhook {} after {} attempts: {}",
          due.eventId(),
          due.webhookId(),
          due.attempts() + 1,
          attempt.outcome());
    } else {
      outbox.attempted(due, WebhookDeliveryInfo.PENDING, attempt.outcome(), next);
    }
    return false;
  }

  private Duration backoff(int attempts) {
    Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempts, 20));
    return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
  }

  @Override
  public void start() {
    senders =
        Executors.newFixedThreadPool(PARALLEL, runnable -> daemon(runnable, "webhook-sender"));
    task.start(properties.pollInterval(), this::deliverDue);
  }

  /** Lets running attempts finish (see {@link PeriodicTask#stop()}). */
  @Override
  public void stop() {
    task.stop();
    ExecutorService pool = senders;
    senders = null;
    if (pool != null) {
      pool.shutdown();
      await(pool);
    }
  }

  @Override
  public boolean isRunning() {
    return task.running();
  }

  private static void await(ExecutorService executor) {
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
