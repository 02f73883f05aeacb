package org.registrysecrets.api;

/** The one rule for plain ids we accept from outside (tenants, request ids, profiles). */
public final class Identifiers {

  private Identifiers() {}

  /** Whether {@code value} is 1 to {@code maxLength} letters, digits, '-', '_' or '.'. */
  public static boolean isPlain(String value, int maxLength) {
    if (value.isEmpty() || value.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
