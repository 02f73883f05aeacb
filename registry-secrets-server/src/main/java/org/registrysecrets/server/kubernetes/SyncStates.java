package org.registrysecrets.server.kubernetes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.DockerRegistrySecretSync;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where each secret stands in the cluster, as the API's metadata shows it. */
class SyncStates {

  private final JdbcClient jdbc;

  SyncStates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Sets a secret's state; {@code lastSuccess} and {@code usedBy} stay when {@code null}. */
  void set(
      TenantId tenant,
      SecretName name,
      String state,
      @Nullable Instant lastSuccess,
      @Nullable String error) {
    @Nullable OffsetDateTime success = SqlValues.utcOrNull(lastSuccess);
    int updated =
        jdbc.sql(
                "update sync_state set state = ?, last_error = ?,"
                    + " last_success_at = coalesce(?, last_success_at)"
                    + " where tenant = ? and secret_name = ?")
            .params(Arrays.asList(state, error, success, tenant.value(), name.value()))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into sync_state (tenant, secret_name, state, last_success_at, last_error, used_by)"
                  + " values (?, ?, ?, ?, ?, '')")
          .params(Arrays.asList(tenant.value(), name.value(), state, success, error))
          .update();
    }
  }

  void setUsage(TenantId tenant, SecretName name, PullSecretLinker.Usage usage) {
    jdbc.sql("update sync_state set used_by = ?, images = ? where tenant = ? and secret_name = ?")
        .params(
            SqlValues.fit(String.join(",", usage.usedBy()), 4000),
            SqlValues.fit(String.join(",", usage.images()), 4000),
            tenant.value(),
            name.value())
        .update();
  }

  void forget(TenantId tenant, SecretName name) {
    jdbc.sql("delete from sync_state where tenant = ? and secret_name = ?")
        .params(tenant.value(), name.value())
        .update();
  }

  /** The state of each of the tenant's secrets that has one, by name. */
  Map<String, DockerRegistrySecretSync> of(TenantId tenant) {
    Map<String, DockerRegistrySecretSync> statuses = new LinkedHashMap<>();
    jdbc.sql(
            "select secret_name, state, last_success_at, last_error, used_by, images"
                + " from sync_state where tenant = ?")
        .param(tenant.value())
        .query(
            (RowCallbackHandler)
                rs -> {
                  statuses.put(rs.getString(1), status(rs));
                });
    return statuses;
  }

  private static DockerRegistrySecretSync status(ResultSet rs) throws SQLException {
    OffsetDateTime success = rs.getObject(3, OffsetDateTime.class);
    return new DockerRegistrySecretSync(
        rs.getString(2),
        success == null ? null : success.toInstant(),
        rs.getString(4),
        list(rs.getString(5)),
        list(rs.getString(6)));
  }

  private static List<String> list(String column) {
    return column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
  }
}
