package org.registrysecrets.server.webhook;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.Plaintext;
import org.registrysecrets.api.wire.WebhookCreationRequest;
import org.registrysecrets.api.wire.WebhookDeliveryInfo;
import org.registrysecrets.api.wire.WebhookEventTypes;
import org.registrysecrets.api.wire.WebhookInfo;
import org.registrysecrets.server.security.Caller;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A tenant's webhooks: register (URL checked against the guard first), list, remove. */
@Service
public class Webhooks {

  static final int MIN_SECRET_LENGTH = 16;
  static final int MAX_SECRET_LENGTH = 256;
  static final int DELIVERIES_LISTED = 100;

  private final WebhookRepository webhooks;
  private final WebhookOutbox outbox;
  private final WebhookDestinations destinations;
  private final WebhookProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Webhooks(
      WebhookRepository webhooks,
      WebhookOutbox outbox,
      WebhookSender sender,
      WebhookProperties properties,
      TransactionTemplate transactions,
      Clock clock) {
    this.webhooks = webhooks;
    this.outbox = outbox;
    this.destinations = new WebhookDestinations(sender.guard(), sender.names());
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Registers a webhook for the caller's tenant.
   *
   * @throws InvalidInputException for a URL the guard refuses, a short secret, an unknown event
   *     type, or a tenant at its limit
   */
  public WebhookInfo register(Caller caller, WebhookCreationRequest request) {
    String url = destinations.check(required(request.url(), "url").strip()).toString();
    String secret = required(request.secret(), "secret");
    if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
      throw new InvalidInputException(
          "secret must have "
              + MIN_SECRET_LENGTH
              + " to "
              + MAX_SECRET_LENGTH
              + " characters; it keys the HMAC-SHA256 signature of every delivery.");
    }
    Webhook webhook =
        new Webhook(
            UUID.randomUUID().toString(),
            caller.tenant(),
            url,
            events(request.events()),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            caller.actor());
    transactions.executeWithoutResult(
        status -> {
          if (webhooks.count(caller.tenant()) >= properties.maxPerTenant()) {
            throw new InvalidInputException(
                "A tenant can have at most "
                    + properties.maxPerTenant()
                    + " webhooks; remove one first.");
          }
          webhooks.insert(webhook, Plaintext.of(secret));
        });
    return info(webhook);
  }

  public List<WebhookInfo> list(TenantId tenant) {
    return webhooks.list(tenant).stream().map(Webhooks::info).toList();
  }

  /** Removes a webhook and its deliveries, pending ones included. */
  public void remove(TenantId tenant, String id) {
    transactions.executeWithoutResult(
        status -> {
          if (!webhooks.delete(tenant, id)) {
            throw new WebhookNotFoundException(id);
          }
          outbox.deleteOf(tenant, id);
        });
  }

  /** The webhook's newest deliveries. */
  public List<WebhookDeliveryInfo> deliveries(TenantId tenant, String id) {
    if (webhooks.find(tenant, id).isEmpty()) {
      throw new WebhookNotFoundException(id);
    }
    return outbox.list(tenant, id, DELIVERIES_LISTED);
  }

  private static List<String> events(@Nullable List<String> requested) {
    if (requested == null) {
      return WebhookEventTypes.ALL;
    }
    if (requested.isEmpty()) {
      throw new InvalidInputException(
          "events must name at least one of " + String.join(", ", WebhookEventTypes.ALL) + ".");
    }
    List<String> events = new ArrayList<>();
    for (String event : requested) {
      if (!WebhookEventTypes.ALL.contains(event)) {
        throw new InvalidInputException(
            "events may only name " + String.join(", ", WebhookEventTypes.ALL) + ".");
      }
      if (!events.contains(event)) {
        events.add(event);
      }
    }
    return events;
  }

  private static String required(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field + " is required.");
    }
    return value;
  }

  private static WebhookInfo info(Webhook webhook) {
    return new WebhookInfo(
        webhook.id(), webhook.url(), webhook.events(), webhook.createdAt(), webhook.createdBy());
  }
}
