package org.registrysecrets.api;

/**
 * The name of a Docker registry secret, as AI Core defines it: {@code
 * ^[a-z0-9](?:_?[a-z0-9\.\-]+)*[a-z0-9]$}, at most 63 characters.
 *
 * <p>The check is a single pass over at most 63 characters, never a regular expression, so
 * untrusted input cannot make it slow.
 */
public record SecretName(String value) implements Comparable<SecretName> {

  public static final int MAX_LENGTH = 63;

  /** How the rule is explained to users. */
  public static final String RULE =
      "lowercase alphanumerics, '-' or '.', starting and ending with an alphanumeric"
          + " (at most 63 characters; '_' only between other characters)";

  public SecretName {
    String problem = problemWith(value);
    if (problem != null) {
      throw new InvalidInputException(problem);
    }
  }

  public static SecretName of(String value) {
    return new SecretName(value);
  }

  /** Whether {@code value} is a valid name. */
  public static boolean isValid(String value) {
    return problemWith(value) == null;
  }

  /** Why {@code value} is not a valid name, or {@code null} if it is one. */
  public static @org.jspecify.annotations.Nullable String problemWith(String value) {
    int length = value.length();
    if (length == 0) {
      return "The name is empty; use " + RULE + ".";
    }
    if (length > MAX_LENGTH) {
      return "The name has " + length + " characters; at most " + MAX_LENGTH + " are allowed.";
    }
    if (length < 2) {
      return "The name must have at least 2 characters; use " + RULE + ".";
    }
    if (!isAlphanumeric(value.charAt(0)) || !isAlphanumeric(value.charAt(length - 1))) {
      return "The name must start and end with a lowercase letter or a digit; use " + RULE + ".";
    }
    for (int i = 1; i < length - 1; i++) {
      char c = value.charAt(i);
      if (c == '_') {
        // In the grammar an underscore opens a group of one or more [a-z0-9.-] characters, which
        // must be followed by the final alphanumeric.
        if (i + 1 >= length - 1 || !isGroupCharacter(value.charAt(i + 1))) {
          return "An '_' in the name must be followed by a letter, digit, '-' or '.' that is not"
              + " the last character; use "
              + RULE
              + ".";
        }
      } else if (!isGroupCharacter(c)) {
        return "The name contains a character that is not allowed at position "
            + (i + 1)
            + "; use "
            + RULE
            + ".";
      }
    }
    return null;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isGroupCharacter(char c) {
    return isAlphanumeric(c) || c == '.' || c == '-';
  }

  @Override
  public int compareTo(SecretName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
