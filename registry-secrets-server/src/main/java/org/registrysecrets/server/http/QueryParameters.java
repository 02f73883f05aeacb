package org.registrysecrets.server.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;

/** Strict reading of query parameters: only what AI Core documents, else a 400 that says why. */
public final class QueryParameters {

  private QueryParameters() {}

  public static int nonNegative(String parameter, String value) {
    if (value.isEmpty() || value.length() > 9) {
      throw new InvalidInputException(
          parameter + " must be a non-negative integer below 1000000000.");
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        throw new InvalidInputException(parameter + " must be a non-negative integer.");
      }
    }
    return Integer.parseInt(value);
  }

  /** {@code true} or {@code false}; absent is {@code false}. */
  public static boolean bool(String parameter, @Nullable String value) {
    if (value == null) {
      return false;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidInputException(parameter + " must be true or false.");
    };
  }

  /** An ISO-8601 instant such as {@code 2026-11-27T10:00:00Z}, or {@code null} when absent. */
  public static @Nullable Instant instant(String parameter, @Nullable String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          parameter + " must be a date and time with offset, such as 2026-11-27T10:00:00Z.");
    }
  }
}
