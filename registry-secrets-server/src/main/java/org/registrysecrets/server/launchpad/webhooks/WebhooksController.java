package org.registrysecrets.server.launchpad.webhooks;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.wire.WebhookDeliveryInfo;
import org.registrysecrets.api.wire.WebhookEventTypes;
import org.registrysecrets.api.wire.WebhookInfo;
import org.registrysecrets.client.RegistrySecretsClient;
import org.registrysecrets.server.launchpad.Dialogs;
import org.registrysecrets.server.launchpad.RemoteErrors;
import org.registrysecrets.server.launchpad.connections.CurrentWorkspace;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Webhooks of the current workspace's tenant (secrets editors): list, add with a signing secret
 * that is never shown again, remove, and each one's recent deliveries.
 */
@Controller
@RequestMapping("/launchpad/webhooks")
class WebhooksController {

  private static final String CHANGED = "webhooks-changed";
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** The event types, in words. */
  static final Map<String, String> EVENTS =
      Map.of(
          WebhookEventTypes.EXPIRING, "Credentials expiring (7 days, 24 hours, 1 hour before)",
          WebhookEventTypes.EXPIRED, "Credentials expired",
          WebhookEventTypes.RECHECK_FAILED, "Scheduled re-check failed",
          WebhookEventTypes.RENEWAL_FAILED, "Renewal from a cloud credential failed");

  private final CurrentWorkspace workspace;

  WebhooksController(CurrentWorkspace workspace) {
    this.workspace = workspace;
  }

  @GetMapping
  String page(Authentication person, Model model) {
    addRows(person, model);
    return "launchpad/webhooks";
  }

  @GetMapping("/rows")
  String rows(Authentication person, Model model) {
    addRows(person, model);
    return "launchpad/webhooks :: rows";
  }

  @GetMapping("/add")
  String addDialog(Model model) {
    model.addAttribute("events", WebhookEventTypes.ALL);
    model.addAttribute("eventNames", EVENTS);
    return "launchpad/webhook-dialog :: dialog";
  }

  @PostMapping("/add")
  String add(
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "") String secret,
      @RequestParam(required = false) @Nullable List<String> events,
      Authentication person,
      Model model,
      HttpServletResponse response) {
    return Dialogs.submit(
        () -> {
          if (events == null || events.isEmpty()) {
            throw new InvalidInputException("Choose at least one event.");
          }
          client(person).registerWebhook(url.strip(), secret, events);
        },
        "Webhook for " + url.strip() + " added.",
        CHANGED,
        model,
        response);
  }

  @GetMapping("/{id}/remove")
  String removeDialog(@PathVariable String id, Model model) {
    model.addAttribute("webhookId", id);
    return "launchpad/webhook-remove-dialog :: dialog";
  }

  @PostMapping("/{id}/remove")
  String remove(
      @PathVariable String id, Authentication person, Model model, HttpServletResponse response) {
    return Dialogs.submit(
        () -> client(person).removeWebhook(id),
        "Webhook removed; its pending deliveries are dropped.",
        CHANGED,
        model,
        response);
  }

  @GetMapping("/{id}/deliveries")
  String deliveries(@PathVariable String id, Authentication person, Model model) {
    List<DeliveryRow> rows = List.of();
    String error = null;
    try {
      rows =
          client(person).webhookDeliveries(id).resources().stream().map(DeliveryRow::of).toList();
    } catch (RuntimeException e) {
      error = RemoteErrors.describe(e);
      if (error == null) {
        throw e;
      }
    }
    model.addAttribute("deliveries", rows);
    model.addAttribute("deliveriesError", error);
    return "launchpad/webhook-deliveries :: dialog";
  }

  private void addRows(Authentication person, Model model) {
    List<WebhookRow> webhooks = List.of();
    String error = null;
    try {
      webhooks = client(person).webhooks().resources().stream().map(WebhookRow::of).toList();
    } catch (RuntimeException e) {
      error = RemoteErrors.describe(e);
      if (error == null) {
        throw e;
      }
    }
    model.addAttribute("webhooks", webhooks);
    model.addAttribute("listError", error);
  }

  private RegistrySecretsClient client(Authentication person) {
    return workspace.client(person).api();
  }

  /** One webhook as the table shows it. */
  record WebhookRow(String id, String url, List<String> events, Instant created, String by) {

    static WebhookRow of(WebhookInfo webhook) {
      return new WebhookRow(
          webhook.id(),
          webhook.url(),
          webhook.events().stream().map(type -> EVENTS.getOrDefault(type, type)).toList(),
          webhook.createdAt(),
          webhook.createdBy());
    }
  }

  /** One delivery: the event, how it went, and when the next attempt is. */
  record DeliveryRow(
      String event, String type, Instant created, String state, int attempts, String last) {

    static DeliveryRow of(WebhookDeliveryInfo delivery) {
      String last = delivery.lastOutcome() == null ? "" : delivery.lastOutcome();
      if (delivery.nextAttemptAt() != null) {
        last +=
            (last.isEmpty() ? "" : "; ") + "next attempt " + WHEN.format(delivery.nextAttemptAt());
      }
      return new DeliveryRow(
          delivery.eventId(),
          EVENTS.getOrDefault(delivery.type(), delivery.type()),
          delivery.createdAt(),
          delivery.state(),
          delivery.attempts(),
          last);
    }
  }
}
