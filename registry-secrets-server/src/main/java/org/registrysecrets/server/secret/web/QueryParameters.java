package org.registrysecrets.server.secret.web;

import org.registrysecrets.api.InvalidInputException;

/** Strict reading of query parameters: only what AI Core documents, else a 400 that says why. */
final class QueryParameters {

  private QueryParameters() {}

  static int nonNegative(String parameter, String value) {
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
  static boolean bool(String parameter, @org.jspecify.annotations.Nullable String value) {
    if (value == null) {
      return false;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidInputException(parameter + " must be true or false.");
    };
  }
}
