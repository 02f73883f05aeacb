package org.registrysecrets.server.secret.web;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An {@code If-Match} header: {@code *} or strong entity tags {@code "<version>"}. Weak or
 * malformed tags never match (RFC 9110 compares strongly), so they end in 412.
 */
record IfMatch(boolean any, Set<Long> versions) {

  static final long NO_VERSION = -1;

  static @Nullable IfMatch parse(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    if (header.strip().equals("*")) {
      return new IfMatch(true, Set.of());
    }
    Set<Long> versions = new LinkedHashSet<>();
    for (String tag : header.split(",", 20)) {
      versions.add(version(tag.strip()));
    }
    return new IfMatch(false, versions);
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static long version(String tag) {
    if (tag.length() < 3 || tag.length() > 21 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
      return NO_VERSION;
    }
    String digits = tag.substring(1, tag.length() - 1);
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return NO_VERSION;
      }
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return NO_VERSION;
    }
  }
}
