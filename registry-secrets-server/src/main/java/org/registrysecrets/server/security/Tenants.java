package org.registrysecrets.server.security;

/**
 * The rule for tenant ids: 1 to 128 letters, digits, '-', '_' or '.', as zone ids and UUIDs are.
 */
public final class Tenants {

  public static final String DEFAULT = "default";

  private Tenants() {}

  public static boolean isValid(String tenant) {
    if (tenant.isEmpty() || tenant.length() > 128) {
      return false;
    }
    for (int i = 0; i < tenant.length(); i++) {
      char c = tenant.charAt(i);
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
