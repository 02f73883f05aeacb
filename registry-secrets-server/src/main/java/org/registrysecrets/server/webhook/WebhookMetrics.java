package org.registrysecrets.server.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code regsecrets_webhook_attempts_total{outcome="delivered"|"failed"}}. */
@Component
class WebhookMetrics {

  private final Counter delivered;
  private final Counter failed;

  WebhookMetrics(MeterRegistry registry) {
    this.delivered = attempts(registry, "delivered");
    this.failed = attempts(registry, "failed");
  }

  void attempted(boolean success) {
    (success ? delivered : failed).increment();
  }

  private static Counter attempts(MeterRegistry registry, String outcome) {
    return Counter.builder("regsecrets.webhook.attempts")
        .description("Webhook delivery attempts by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
