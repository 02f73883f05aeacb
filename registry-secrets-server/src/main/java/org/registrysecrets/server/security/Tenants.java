package org.registrysecrets.server.security;

import org.registrysecrets.api.Identifiers;

/**
 * The rule for tenant ids: 1 to 128 letters, digits, '-', '_' or '.', as zone ids and UUIDs are.
 */
public final class Tenants {

  public static final String DEFAULT = "default";

  private Tenants() {}

  public static boolean isValid(String tenant) {
    return Identifiers.isPlain(tenant, 128);
  }
}
