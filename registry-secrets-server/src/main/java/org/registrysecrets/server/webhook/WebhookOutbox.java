package org.registrysecrets.server.webhook;

import java.time.Instant;
import java.util.List;
import org.registrysecrets.api.wire.WebhookDeliveryInfo;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_delivery} table: one row per event and webhook. A replica claims a due row by
 * moving its next attempt (the update matches only if nobody moved it first), so several replicas
 * can deliver side by side without sending one attempt twice.
 */
@Repository
class WebhookOutbox {

  private final JdbcClient jdbc;

  WebhookOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A delivery waiting for its next attempt. */
  record Due(
      String eventId,
      String webhookId,
      TenantId tenant,
      String body,
      Instant createdAt,
      int attempts,
      Instant nextAttemptAt) {}

  void add(
      String eventId, String webhookId, TenantId tenant, String type, String body, Instant now) {
    jdbc.sql(
            "insert into webhook_delivery (event_id, webhook_id, tenant, event_type, body,"
                + " created_at, state, attempts, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?)")
        .params(
            eventId,
            webhookId,
            tenant.value(),
            type,
            body,
            SqlValues.utc(now),
            WebhookDeliveryInfo.PENDING,
            SqlValues.utc(now))
        .update();
  }

  List<Due> due(Instant now, int limit) {
    return jdbc.sql(
            "select event_id, webhook_id, tenant, body, created_at, attempts, next_attempt_at"
                + " from webhook_delivery where state = ? and next_attempt_at <= ?"
                + " order by next_attempt_at limit ?")
        .params(WebhookDeliveryInfo.PENDING, SqlValues.utc(now), limit)
        .query(
            (rs, row) ->
                new Due(
                    rs.getString("event_id"),
                    rs.getString("webhook_id"),
                    new TenantId(rs.getString("tenant")),
                    rs.getString("body"),
                    SqlValues.instant(rs, "created_at"),
                    rs.getInt("attempts"),
                    SqlValues.instant(rs, "next_attempt_at")))
        .list();
  }

  /** Takes a due delivery for one attempt until {@code until}; false if another replica did. */
  boolean claim(Due due, Instant until) {
    return jdbc.sql(
                "update webhook_delivery set next_attempt_at = ? where event_id = ?"
                    + " and webhook_id = ? and state = ? and next_attempt_at = ?")
            .params(
                SqlValues.utc(until),
                due.eventId(),
                due.webhookId(),
                WebhookDeliveryInfo.PENDING,
                SqlValues.utc(due.nextAttemptAt()))
            .update()
        == 1;
  }

  /** Records an attempt: {@code state} stays pending until {@code next}, or is final. */
  void attempted(Due due, String state, String outcome, Instant next) {
    jdbc.sql(
            "update webhook_delivery set state = ?, attempts = attempts + 1, last_outcome = ?,"
                + " next_attempt_at = ? where event_id = ? and webhook_id = ?")
        .params(
            state, SqlValues.fit(outcome, 300), SqlValues.utc(next), due.eventId(), due.webhookId())
        .update();
  }

  List<WebhookDeliveryInfo> list(TenantId tenant, String webhookId, int limit) {
    return jdbc.sql(
            "select event_id, event_type, created_at, state, attempts, next_attempt_at,"
                + " last_outcome from webhook_delivery where tenant = ? and webhook_id = ?"
                + " order by created_at desc, event_id limit ?")
        .params(tenant.value(), webhookId, limit)
        .query(
            (rs, row) -> {
              String state = rs.getString("state");
              return new WebhookDeliveryInfo(
                  rs.getString("event_id"),
                  rs.getString("event_type"),
                  SqlValues.instant(rs, "created_at"),
                  state,
                  rs.getInt("attempts"),
                  WebhookDeliveryInfo.PENDING.equals(state)
                      ? SqlValues.instant(rs, "next_attempt_at")
                      : null,
                  rs.getString("last_outcome"));
            })
        .list();
  }

  void deleteOf(TenantId tenant, String webhookId) {
    jdbc.sql("delete from webhook_delivery where tenant = ? and webhook_id = ?")
        .params(tenant.value(), webhookId)
        .update();
  }

  /** Deletes finished deliveries whose last attempt is older than {@code before}. */
  int deleteFinishedBefore(Instant before) {
    return jdbc.sql("delete from webhook_delivery where state <> ? and next_attempt_at < ?")
        .params(WebhookDeliveryInfo.PENDING, SqlValues.utc(before))
        .update();
  }
}
