package org.registrysecrets.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the database holds of a secret's changes, read directly (not through the server) by the
 * crash tests: its stored version and its audited successful changes.
 */
public final class StoredChanges {

  private StoredChanges() {}

  /** The stored version, or 0 if there is no such secret. */
  public static long version(Connection database, String tenant, String name) throws SQLException {
    return number(
        database,
        "select coalesce(max(version), 0) from docker_registry_secret where tenant = ? and name = ?",
        tenant,
        name);
  }

  /** How many changes of the secret the audit trail records as successful. */
  public static long audited(Connection database, String tenant, String name) throws SQLException {
    return number(
        database,
        "select count(*) from audit_event where tenant = ? and secret_name = ?"
            + " and outcome = 'success'",
        tenant,
        name);
  }

  /** The one number {@code sql} answers with {@code parameters}. */
  public static long number(Connection database, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement query = database.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
