package org.registrysecrets.server.issuer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.registrysecrets.api.ServiceKeyRole;
import org.registrysecrets.server.storage.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Service keys in the {@code service_key} table. */
class JdbcServiceKeyRepository {

  private static final String COLUMNS =
      "select client_id, secret_hash, tenant, role, description, created_at, revoked_at"
          + " from service_key";

  private final JdbcClient jdbc;

  JdbcServiceKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ServiceKeyRecord> find(String clientId) {
    return jdbc.sql(COLUMNS + " where client_id = ?")
        .param(clientId)
        .query(JdbcServiceKeyRepository::row)
        .optional();
  }

  List<ServiceKeyRecord> listActive() {
    return jdbc.sql(COLUMNS + " where revoked_at is null order by created_at, client_id")
        .query(JdbcServiceKeyRepository::row)
        .list();
  }

  void insert(ServiceKeyRecord key) {
    jdbc.sql(
            "insert into service_key (client_id, secret_hash, tenant, role, description,"
                + " created_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            key.clientId(),
            key.secretHash(),
            key.tenant(),
            key.role().wireName(),
            key.description(),
            SqlValues.utc(key.createdAt()))
        .update();
  }

  void updateSecretHash(String clientId, String secretHash) {
    jdbc.sql("update service_key set secret_hash = ? where client_id = ?")
        .params(secretHash, clientId)
        .update();
  }

  boolean revoke(String clientId, Instant at) {
    return jdbc.sql(
                "update service_key set revoked_at = ? where client_id = ? and revoked_at is null")
            .params(SqlValues.utc(at), clientId)
            .update()
        == 1;
  }

  /** The keys revoked at or after {@code since}, on any replica. */
  List<String> revokedSince(Instant since) {
    return jdbc.sql("select client_id from service_key where revoked_at >= ?")
        .param(SqlValues.utc(since))
        .query(String.class)
        .list();
  }

  private static ServiceKeyRecord row(ResultSet rs, int row) throws SQLException {
    OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
    return new ServiceKeyRecord(
        rs.getString("client_id"),
        rs.getString("secret_hash"),
        rs.getString("tenant"),
        ServiceKeyRole.of(rs.getString("role")),
        rs.getString("description"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        revoked == null ? null : revoked.toInstant());
  }
}
