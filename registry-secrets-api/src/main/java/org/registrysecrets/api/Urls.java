package org.registrysecrets.api;

/** The one way URLs and paths are written without a trailing slash, so that joining them works. */
public final class Urls {

  private Urls() {}

  /**
   * {@code value} without its trailing slashes: {@code https://x/} and {@code https://x} join
   * alike.
   */
  public static String withoutTrailingSlashes(String value) {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == '/') {
      end--;
    }
    return value.substring(0, end);
  }
}
