package org.registrysecrets.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event's delivery to one webhook.
 *
 * @param state {@code pending} (waiting for its next attempt), {@code delivered} or {@code failed}
 *     (given up)
 * @param lastOutcome the last attempt's outcome, e.g. {@code HTTP 503}
 */
public record WebhookDeliveryInfo(
    String eventId,
    String type,
    Instant createdAt,
    String state,
    int attempts,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant nextAttemptAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String lastOutcome) {

  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";
}
