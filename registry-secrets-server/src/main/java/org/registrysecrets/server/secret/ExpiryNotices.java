package org.registrysecrets.server.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.WebhookEventTypes;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
import org.registrysecrets.server.webhook.WebhookEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the tenant's webhooks when a secret's earliest expiry is 7 days, 24 hours and 1 hour away,
 * and when it passed: each threshold of each expiry once (the {@code expiry_notice} table), the
 * nearest threshold only when several passed between two rounds (a secret made with two hours left
 * gets the 24-hour notice, not also the 7-day one). A changed expiry is a new expiry.
 */
@Component
class ExpiryNotices {

  /** The thresholds before expiry, nearest last. */
  static final List<Duration> BEFORE =
      List.of(Duration.ofDays(7), Duration.ofHours(24), Duration.ofHours(1));

  static final String EXPIRED = "expired";
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final WebhookEvents events;
  private final TransactionTemplate transactions;

  ExpiryNotices(JdbcClient jdbc, WebhookEvents events, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.events = events;
    this.transactions = transactions;
  }

  private record Expiring(TenantId tenant, SecretName name, Instant expiresAt) {}

  /** Raises every notice due at {@code now}; returns how many. */
  int raiseDue(Instant now) {
    List<Expiring> expiring =
        jdbc.sql(
                "select s.tenant, s.name, s.expires_at from docker_registry_secret s"
                    + " where s.expires_at <= ? and not exists (select 1 from expiry_notice n"
                    + " where n.tenant = s.tenant and n.secret_name = s.name"
                    + " and n.expires_at = s.expires_at and n.threshold = ?)"
                    + " order by s.expires_at limit ?")
            .params(SqlValues.utc(now.plus(BEFORE.get(0))), EXPIRED, BATCH)
            .query(
                (rs, row) ->
                    new Expiring(
                        TenantId.of(rs.getString(1)),
                        SecretName.of(rs.getString(2)),
                        SqlValues.instant(rs, "expires_at")))
            .list();
    int raised = 0;
    for (Expiring secret : expiring) {
      @Nullable Duration threshold = nearestPassed(secret.expiresAt(), now);
      String name = threshold == null ? EXPIRED : threshold.toString();
      Boolean done = transactions.execute(status -> raise(secret, name, threshold));
      if (Boolean.TRUE.equals(done)) {
        raised++;
      }
    }
    jdbc.sql("delete from expiry_notice where expires_at < ?")
        .param(SqlValues.utc(now.minus(Duration.ofDays(30))))
        .update();
    return raised;
  }

  /** The nearest threshold {@code now} passed, or {@code null} if the expiry itself passed. */
  static @Nullable Duration nearestPassed(Instant expiresAt, Instant now) {
    if (!expiresAt.isAfter(now)) {
      return null;
    }
    Duration left = Duration.between(now, expiresAt);
    Duration nearest = BEFORE.get(0);
    for (Duration threshold : BEFORE) {
      if (left.compareTo(threshold) <= 0) {
        nearest = threshold;
      }
    }
    return nearest;
  }

  private boolean raise(Expiring secret, String name, @Nullable Duration threshold) {
    int inserted =
        jdbc.sql(
                "insert into expiry_notice (tenant, secret_name, expires_at, threshold)"
                    + " select ?, ?, ?, ? where not exists (select 1 from expiry_notice"
                    + " where tenant = ? and secret_name = ? and expires_at = ? and threshold = ?)")
            .params(
                secret.tenant().value(),
                secret.name().value(),
                SqlValues.utc(secret.expiresAt()),
                name,
                secret.tenant().value(),
                secret.name().value(),
                SqlValues.utc(secret.expiresAt()),
                name)
            .update();
    if (inserted == 0) {
      return false;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tenant", secret.tenant().value());
    data.put("secret", secret.name().value());
    data.put("expiresAt", secret.expiresAt().toString());
    if (threshold != null) {
      data.put("within", threshold.toString());
    }
    events.raise(
        secret.tenant(),
        threshold == null ? WebhookEventTypes.EXPIRED : WebhookEventTypes.EXPIRING,
        secret.name().value(),
        data);
    return true;
  }
}
