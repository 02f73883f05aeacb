package org.registrysecrets.server.storage;

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

  /** {@code value}, cut to the {@code max} characters its column holds. */
  public static String fit(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
