package org.registrysecrets.server.launchpad.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads values out of a provider's claims, including nested ones such as XSUAA's role collections.
 */
final class IdTokenClaims {

  static final String SUBJECT = "sub";

  private IdTokenClaims() {}

  /**
   * The strings at {@code path} in {@code claims}. Claim names may themselves contain dots (XSUAA's
   * {@code xs.system.attributes} holds {@code xs.rolecollections}), so at each level the longest
   * name that matches wins. A single string is one value; anything else yields none.
   */
  static List<String> values(Map<String, Object> claims, String path) {
    Object node = claims;
    String rest = path;
    while (!rest.isEmpty()) {
      if (!(node instanceof Map<?, ?> map)) {
        return List.of();
      }
      String key = longestKey(map, rest);
      if (key == null) {
        return List.of();
      }
      node = map.get(key);
      rest = rest.length() == key.length() ? "" : rest.substring(key.length() + 1);
    }
    if (node instanceof String text) {
      return List.of(text);
    }
    if (node instanceof Collection<?> items) {
      List<String> values = new ArrayList<>();
      for (Object item : items) {
        if (item instanceof String text) {
          values.add(text);
        }
      }
      return values;
    }
    return List.of();
  }

  private static @org.jspecify.annotations.Nullable String longestKey(Map<?, ?> map, String path) {
    for (int end = path.length(); end > 0; end = path.lastIndexOf('.', end - 1)) {
      String candidate = path.substring(0, end);
      if (map.containsKey(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
