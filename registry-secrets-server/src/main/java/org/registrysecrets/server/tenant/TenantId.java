package org.registrysecrets.server.tenant;

import org.registrysecrets.api.Identifiers;
import org.registrysecrets.api.InvalidInputException;

/**
 * A tenant: every secret, audit event and service key belongs to one. 1 to 128 letters, digits,
 * '-', '_' or '.', as zone ids and UUIDs are.
 */
public record TenantId(String value) implements Comparable<TenantId> {

  /** The tenant of a standalone install's bootstrap key and {@code local} connection. */
  public static final TenantId DEFAULT = new TenantId("default");

  public TenantId {
    if (!isValid(value)) {
      throw new InvalidInputException("A tenant is 1 to 128 letters, digits, '-', '_' or '.'.");
    }
  }

  public static TenantId of(String value) {
    return new TenantId(value);
  }

  public static boolean isValid(String value) {
    return Identifiers.isPlain(value, 128);
  }

  @Override
  public int compareTo(TenantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
