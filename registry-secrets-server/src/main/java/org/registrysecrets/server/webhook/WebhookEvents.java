package org.registrysecrets.server.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.registrysecrets.api.json.JsonMappers;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raises an event for a tenant's webhooks: a CloudEvents 1.0 JSON document, put in the outbox once
 * per webhook that subscribed to its type, in the caller's transaction, so that the event exists
 * exactly when the change that caused it does.
 */
@Component
public class WebhookEvents {

  private static final JsonMapper JSON = JsonMappers.builder().build();

  private final WebhookRepository webhooks;
  private final WebhookOutbox outbox;
  private final Clock clock;

  WebhookEvents(WebhookRepository webhooks, WebhookOutbox outbox, Clock clock) {
    this.webhooks = webhooks;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Raises an event about a secret.
   *
   * @param data the event's {@code data}; never a credential
   * @return how many webhooks will receive it
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int raise(TenantId tenant, String type, String secretName, Map<String, Object> data) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = UUID.randomUUID().toString();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", id);
    event.put("source", "/tenants/" + tenant.value());
    event.put("type", type);
    event.put("subject", secretName);
    event.put("time", now.toString());
    event.put("datacontenttype", "application/json");
    event.put("data", data);
    String body = JSON.writeValueAsString(event);
    int receivers = 0;
    for (Webhook webhook : webhooks.list(tenant)) {
      if (webhook.events().contains(type)) {
        outbox.add(id, webhook.id(), tenant, type, body, now);
        receivers++;
      }
    }
    return receivers;
  }
}
