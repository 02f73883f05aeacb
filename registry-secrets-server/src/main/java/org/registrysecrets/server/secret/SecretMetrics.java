package org.registrysecrets.server.secret;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.registrysecrets.server.storage.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets' health for the operator's Prometheus ({@code /actuator/prometheus}, scope {@code
 * registrysecrets.metrics.read}), refreshed every watch interval on every replica:
 *
 * <ul>
 *   <li>{@code regsecrets_secrets{tenant,state}}: secrets per state, {@code failing} (the last
 *       re-check found refused credentials, or renewals from the credential source fail) before the
 *       expiry states {@code expired}, {@code expiring}, {@code ok} (also every secret whose source
 *       renews it), and {@code unknown} when no expiry is known;
 *   <li>{@code regsecrets_secret_earliest_expiry_seconds{tenant}}: seconds until the tenant's
 *       earliest expiry, negative once it passed;
 *   <li>{@code regsecrets_rechecks_total{state}}: re-check verdicts;
 *   <li>{@code regsecrets_renewals_total{type,outcome}}: renewals from credential sources, {@code
 *       renewed} or {@code failed}.
 * </ul>
 */
@Component
class SecretMetrics {

  private final JdbcClient jdbc;
  private final SecretProperties properties;
  private final MultiGauge states;
  private final MultiGauge earliestExpiry;
  private final MeterRegistry registry;

  SecretMetrics(JdbcClient jdbc, SecretProperties properties, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.registry = registry;
    this.states =
        MultiGauge.builder("regsecrets.secrets")
            .description("Secrets per tenant and state")
            .register(registry);
    this.earliestExpiry =
        MultiGauge.builder("regsecrets.secret.earliest.expiry")
            .baseUnit("seconds")
            .description("Seconds until the tenant's earliest credential expiry")
            .register(registry);
  }

  void refresh(Instant now) {
    List<MultiGauge.Row<Number>> counts =
        jdbc.sql(
                "select tenant, state, count(*) from (select s.tenant, case"
                    + " when s.recheck_state = ? or c.state = ? then ?"
                    + " when c.type is not null then 'ok' when s.expires_at is null then 'unknown'"
                    + " when s.expires_at <= ? then 'expired' when s.expires_at < ? then 'expiring'"
                    + " else 'ok' end as state from docker_registry_secret s left join"
                    + " credential_source c on c.tenant = s.tenant and c.secret_name = s.name) t"
                    + " group by tenant, state")
            .params(
                SecretRecheck.FAILING,
                SecretSource.FAILING,
                SecretRecheck.FAILING,
                SqlValues.utc(now),
                SqlValues.utc(now.plus(properties.expiryWarning())))
            .query(
                (rs, row) ->
                    MultiGauge.Row.of(
                        Tags.of("tenant", rs.getString(1), "state", rs.getString(2)),
                        rs.getLong(3)))
            .list();
    states.register(counts, true);
    List<MultiGauge.Row<Number>> earliest =
        jdbc.sql(
                "select tenant, min(expires_at) as earliest from docker_registry_secret"
                    + " where expires_at is not null group by tenant")
            .query(
                (rs, row) ->
                    MultiGauge.Row.of(
                        Tags.of("tenant", rs.getString(1)),
                        Duration.between(now, SqlValues.instant(rs, "earliest")).toSeconds()))
            .list();
    earliestExpiry.register(earliest, true);
  }

  void renewal(String type, String outcome) {
    Counter.builder("regsecrets.renewals")
        .description("Renewals of logins from credential sources by outcome")
        .tag("type", type)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void rechecked(String state) {
    Counter.builder("regsecrets.rechecks")
        .description("Scheduled re-checks by verdict")
        .tag("state", state)
        .register(registry)
        .increment();
  }
}
