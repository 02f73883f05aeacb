package org.registrysecrets.server.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code WWW-Authenticate} header such as {@code Bearer realm="https://auth/token",service="r"},
 * parsed in one pass.
 */
record AuthenticateChallenge(String scheme, Map<String, String> parameters) {

  static @Nullable AuthenticateChallenge parse(@Nullable String header) {
    if (header == null || header.isBlank() || header.length() > 4096) {
      return null;
    }
    String text = header.strip();
    int space = text.indexOf(' ');
    String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = space < 0 ? text.length() : space + 1;
    while (i < text.length()) {
      int equals = text.indexOf('=', i);
      if (equals < 0) {
        break;
      }
      String key = text.substring(i, equals).strip().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      int j = equals + 1;
      if (j < text.length() && text.charAt(j) == '"') {
        j++;
        while (j < text.length() && text.charAt(j) != '"') {
          if (text.charAt(j) == '\\' && j + 1 < text.length()) {
            j++;
          }
          value.append(text.charAt(j++));
        }
        j++;
      } else {
        while (j < text.length() && text.charAt(j) != ',') {
          value.append(text.charAt(j++));
        }
      }
      parameters.put(key, value.toString().strip());
      while (j < text.length() && (text.charAt(j) == ',' || text.charAt(j) == ' ')) {
        j++;
      }
      i = j;
    }
    return new AuthenticateChallenge(scheme, parameters);
  }

  @Nullable String parameter(String name) {
    return parameters.get(name);
  }
}
