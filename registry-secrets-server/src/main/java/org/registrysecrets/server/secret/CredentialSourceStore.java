package org.registrysecrets.server.secret;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code credential_source} rows: a secret's sealed cloud credential and its renewal state.
 * Every write of a renewal is conditional on the row's generation, so a renewal that finishes after
 * the source was replaced or removed changes nothing.
 */
@Component
class CredentialSourceStore {

  private final JdbcClient jdbc;

  CredentialSourceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored source, as a renewal needs it. */
  record Stored(
      String type, String generation, Ciphertext ciphertext, Instant expiresAt, int failures) {}

  /** A renewal that is due. */
  record Due(TenantId tenant, SecretName name, String generation, Instant renewAt) {}

  /** Makes {@code ciphertext} the secret's source, replacing any it had (a new generation). */
  void put(
      TenantId tenant,
      SecretName name,
      String type,
      Ciphertext ciphertext,
      Instant expiresAt,
      Instant renewAt) {
    remove(tenant, name);
    jdbc.sql(
            "insert into credential_source (tenant, secret_name, type, generation, key_id,"
                + " ciphertext, expires_at, renew_at, state, failures)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
        .params(
            tenant.value(),
            name.value(),
            type,
            UUID.randomUUID().toString(),
            ciphertext.keyId(),
            ciphertext.bytes(),
            SqlValues.utc(expiresAt),
            SqlValues.utc(renewAt),
            SecretSource.OK)
        .update();
  }

  void remove(TenantId tenant, SecretName name) {
    jdbc.sql("delete from credential_source where tenant = ? and secret_name = ?")
        .params(tenant.value(), name.value())
        .update();
  }

  Optional<Stored> find(TenantId tenant, SecretName name) {
    return jdbc.sql(
            "select type, generation, key_id, ciphertext, expires_at, failures"
                + " from credential_source where tenant = ? and secret_name = ?")
        .params(tenant.value(), name.value())
        .query(
            (rs, row) ->
                new Stored(
                    rs.getString("type"),
                    rs.getString("generation"),
                    new Ciphertext(rs.getBytes("ciphertext"), rs.getLong("key_id")),
                    SqlValues.instant(rs, "expires_at"),
                    rs.getInt("failures")))
        .optional();
  }

  List<Due> due(Instant now, int limit) {
    return jdbc.sql(
            "select tenant, secret_name, generation, renew_at from credential_source"
                + " where renew_at <= ? order by renew_at limit ?")
        .params(SqlValues.utc(now), limit)
        .query(
            (rs, row) ->
                new Due(
                    TenantId.of(rs.getString("tenant")),
                    SecretName.of(rs.getString("secret_name")),
                    rs.getString("generation"),
                    SqlValues.instant(rs, "renew_at")))
        .list();
  }

  /**
   * Moves a due renewal to {@code until} before it runs, so that a renewal that hangs or a replica
   * that dies retries then, not in a loop; false if another round claimed it first.
   */
  boolean claim(Due due, Instant until) {
    return jdbc.sql(
                "update credential_source set renew_at = ?"
                    + " where tenant = ? and secret_name = ? and generation = ? and renew_at = ?")
            .params(
                SqlValues.utc(until),
                due.tenant().value(),
                due.name().value(),
                due.generation(),
                SqlValues.utc(due.renewAt()))
            .update()
        == 1;
  }

  /** Records a renewed login; false if the source changed meanwhile. */
  boolean renewed(
      TenantId tenant,
      SecretName name,
      String generation,
      Instant at,
      Instant expiresAt,
      Instant renewAt) {
    return jdbc.sql(
                "update credential_source set expires_at = ?, renew_at = ?, renewed_at = ?,"
                    + " state = ?, message = null, failures = 0"
                    + " where tenant = ? and secret_name = ? and generation = ?")
            .params(
                SqlValues.utc(expiresAt),
                SqlValues.utc(renewAt),
                SqlValues.utc(at),
                SecretSource.OK,
                tenant.value(),
                name.value(),
                generation)
            .update()
        == 1;
  }

  /** Records a failed renewal and when to try again; false if the source changed meanwhile. */
  boolean failed(
      TenantId tenant,
      SecretName name,
      String generation,
      Instant at,
      Instant retryAt,
      @Nullable String message) {
    return jdbc.sql(
                "update credential_source set renew_at = ?, renewed_at = ?, state = ?,"
                    + " message = ?, failures = failures + 1"
                    + " where tenant = ? and secret_name = ? and generation = ?")
            .params(
                SqlValues.utc(retryAt),
                SqlValues.utc(at),
                SecretSource.FAILING,
                SqlValues.fit(message == null ? "" : message, 500),
                tenant.value(),
                name.value(),
                generation)
            .update()
        == 1;
  }
}
