package org.registrysecrets.api.wire;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /platform/v1/webhooks}.
 *
 * @param url where events are posted: {@code https}, or {@code http} for an allow-listed host
 * @param secret the key of the HMAC-SHA256 signature of every delivery, 16 to 256 characters; never
 *     shown again
 * @param events the event types to receive ({@link WebhookEventTypes}); all when absent
 */
public record WebhookCreationRequest(
    @Nullable String url, @Nullable String secret, @Nullable List<String> events) {

  /** Never the secret: frameworks log request bodies through this at DEBUG. */
  @Override
  public String toString() {
    return "WebhookCreationRequest[url=" + url + ", secret=****, events=" + events + "]";
  }
}
