package org.registrysecrets.server.kubernetes;

import java.time.Instant;
import java.util.List;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes waiting for delivery to the cluster: written in the change's own transaction, read by the
 * leader, coalesced per secret, with the attempt count that sets the next wait.
 */
class SyncOutbox {

  /** The newest waiting change of one secret. */
  record Pending(long id, TenantId tenant, SecretName name, int attempts) {}

  private final JdbcClient jdbc;

  SyncOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void enqueue(TenantId tenant, SecretName name, Instant now) {
    jdbc.sql(
            "insert into sync_outbox (tenant, secret_name, created_at, attempts, next_attempt_at)"
                + " values (?, ?, ?, 0, ?)")
        .params(tenant.value(), name.value(), SqlValues.utc(now), SqlValues.utc(now))
        .update();
  }

  /** Changes due now, oldest first, one per secret. */
  List<Pending> due(Instant now, int limit) {
    return jdbc.sql(
            "select max(id), tenant, secret_name, max(attempts) from sync_outbox"
                + " where next_attempt_at <= ? group by tenant, secret_name order by max(id) limit ?")
        .params(SqlValues.utc(now), limit)
        .query(
            (rs, row) ->
                new Pending(
                    rs.getLong(1),
                    TenantId.of(rs.getString(2)),
                    SecretName.of(rs.getString(3)),
                    rs.getInt(4)))
        .list();
  }

  /** Removes a secret's changes up to the delivered one: the cluster now reflects them. */
  void delivered(Pending pending) {
    jdbc.sql("delete from sync_outbox where tenant = ? and secret_name = ? and id <= ?")
        .params(pending.tenant().value(), pending.name().value(), pending.id())
        .update();
  }

  void retryLater(Pending pending, Instant at) {
    jdbc.sql(
            "update sync_outbox set attempts = attempts + 1, next_attempt_at = ?"
                + " where tenant = ? and secret_name = ? and id <= ?")
        .params(SqlValues.utc(at), pending.tenant().value(), pending.name().value(), pending.id())
        .update();
  }
}
