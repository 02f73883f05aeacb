package org.registrysecrets.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Values as the schema stores them, the same on H2 and PostgreSQL: instants as {@code timestamp
 * with time zone} in UTC, text cut to its column's length.
 */
public final class SqlValues {

  private SqlValues() {}

  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  public static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
    return instant == null ? null : utc(instant);
  }

  /** A non-null {@code timestamp with time zone} column as an instant. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  /** A nullable {@code timestamp with time zone} column as an instant. */
  public static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** {@code value}, cut to the {@code max} characters its column holds. */
  public static String fit(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
