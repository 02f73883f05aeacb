package org.registrysecrets.api.wire;

import java.util.List;

/** Answer of {@code GET /platform/v1/webhooks}. */
public record WebhookList(int count, List<WebhookInfo> resources) {

  public WebhookList {
    resources = List.copyOf(resources);
  }
}
