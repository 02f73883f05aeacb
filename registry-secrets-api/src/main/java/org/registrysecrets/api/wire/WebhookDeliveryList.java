package org.registrysecrets.api.wire;

import java.util.List;

/** Answer of {@code GET /platform/v1/webhooks/{id}/deliveries}: the newest first. */
public record WebhookDeliveryList(int count, List<WebhookDeliveryInfo> resources) {

  public WebhookDeliveryList {
    resources = List.copyOf(resources);
  }
}
