package org.registrysecrets.server.kubernetes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sync's tables: the outbox, each secret's state and the leader lock. Plain SQL for H2 and
 * PostgreSQL.
 */
class SyncStore {

  static final String LOCK = "kubernetes-sync";

  /** A change waiting for delivery. */
  record Pending(long id, String tenant, String name, int attempts) {}

  private final JdbcClient jdbc;

  SyncStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a change; runs in the change's own transaction. */
  void enqueue(String tenant, String name, Instant now) {
    jdbc.sql(
            "insert into sync_outbox (tenant, secret_name, created_at, attempts, next_attempt_at)"
                + " values (?, ?, ?, 0, ?)")
        .params(tenant, name, utc(now), utc(now))
        .update();
    setState(tenant, name, DockerRegistrySecretSync.PENDING, null, null);
  }

  /** Changes due now, oldest first, one per secret. */
  List<Pending> due(Instant now, int limit) {
    return jdbc.sql(
            "select max(id), tenant, secret_name, max(attempts) from sync_outbox"
                + " where next_attempt_at <= ? group by tenant, secret_name order by max(id) limit ?")
        .params(utc(now), limit)
        .query(
            (rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .list();
  }

  /** Removes a secret's changes up to {@code id}: the cluster now reflects them. */
  void delivered(Pending pending) {
    jdbc.sql("delete from sync_outbox where tenant = ? and secret_name = ? and id <= ?")
        .params(pending.tenant(), pending.name(), pending.id())
        .update();
  }

  void retryLater(Pending pending, Instant at) {
    jdbc.sql(
            "update sync_outbox set attempts = attempts + 1, next_attempt_at = ?"
                + " where tenant = ? and secret_name = ? and id <= ?")
        .params(utc(at), pending.tenant(), pending.name(), pending.id())
        .update();
  }

  /** Sets a secret's state; {@code lastSuccess} and {@code usedBy} stay when {@code null}. */
  void setState(
      String tenant,
      String name,
      String state,
      @Nullable Instant lastSuccess,
      @Nullable String error) {
    int updated =
        jdbc.sql(
                "update sync_state set state = ?, last_error = ?,"
                    + " last_success_at = coalesce(?, last_success_at)"
                    + " where tenant = ? and secret_name = ?")
            .params(
                Arrays.asList(
                    state, error, lastSuccess == null ? null : utc(lastSuccess), tenant, name))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into sync_state (tenant, secret_name, state, last_success_at, last_error, used_by)"
                  + " values (?, ?, ?, ?, ?, '')")
          .params(
              Arrays.asList(
                  tenant, name, state, lastSuccess == null ? null : utc(lastSuccess), error))
          .update();
    }
  }

  void setUsedBy(String tenant, String name, List<String> usedBy) {
    jdbc.sql("update sync_state set used_by = ? where tenant = ? and secret_name = ?")
        .params(truncate(String.join(",", usedBy), 4000), tenant, name)
        .update();
  }

  void forget(String tenant, String name) {
    jdbc.sql("delete from sync_state where tenant = ? and secret_name = ?")
        .params(tenant, name)
        .update();
  }

  Map<String, DockerRegistrySecretSync> statuses(String tenant) {
    Map<String, DockerRegistrySecretSync> statuses = new LinkedHashMap<>();
    jdbc.sql(
            "select secret_name, state, last_success_at, last_error, used_by from sync_state"
                + " where tenant = ?")
        .param(tenant)
        .query(
            (ResultSet rs) -> {
              statuses.put(rs.getString(1), status(rs));
            });
    return statuses;
  }

  /** Becomes or stays leader until {@code until}; false if another replica holds a live lock. */
  boolean lead(String owner, Instant now, Instant until) {
    return jdbc.sql(
                "update sync_lock set owner = ?, expires_at = ? where name = ?"
                    + " and (owner = ? or expires_at < ?)")
            .params(owner, utc(until), LOCK, owner, utc(now))
            .update()
        == 1;
  }

  void release(String owner) {
    jdbc.sql("update sync_lock set expires_at = ? where name = ? and owner = ?")
        .params(utc(Instant.EPOCH), LOCK, owner)
        .update();
  }

  private static DockerRegistrySecretSync status(ResultSet rs) throws SQLException {
    OffsetDateTime success = rs.getObject(3, OffsetDateTime.class);
    String usedBy = rs.getString(5);
    return new DockerRegistrySecretSync(
        rs.getString(2),
        success == null ? null : success.toInstant(),
        rs.getString(4),
        usedBy.isEmpty() ? List.of() : Arrays.asList(usedBy.split(",")));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
