package org.registrysecrets.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a service key may do. {@code viewer} and {@code editor} are SAP AI Core's roles; {@code
 * admin} (editor plus managing service keys) belongs to the bootstrap key alone and is never
 * granted.
 */
public enum ServiceKeyRole {
  VIEWER(true),
  EDITOR(true),
  ADMIN(false);

  private final boolean grantable;

  ServiceKeyRole(boolean grantable) {
    this.grantable = grantable;
  }

  /** The name on the wire and in the database: {@code viewer}, {@code editor}, {@code admin}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a key with this role may be created through the API. */
  public boolean grantable() {
    return grantable;
  }

  /** The role named {@code wireName}; refuses anything else. */
  public static ServiceKeyRole of(String wireName) {
    return Arrays.stream(values())
        .filter(role -> role.wireName().equals(wireName))
        .findFirst()
        .orElseThrow(() -> new InvalidInputException(GRANTABLE_HINT));
  }

  /** A grantable role named {@code wireName}; refuses {@code admin} and unknown names. */
  public static ServiceKeyRole grantable(String wireName) {
    ServiceKeyRole role = of(wireName);
    if (!role.grantable) {
      throw new InvalidInputException(GRANTABLE_HINT);
    }
    return role;
  }

  private static final String GRANTABLE_HINT =
      "The role must be "
          + Arrays.stream(values())
              .filter(ServiceKeyRole::grantable)
              .map(role -> "\"" + role.wireName() + "\"")
              .collect(Collectors.joining(" or "))
          + " (\"admin\" belongs to the bootstrap key alone).";
}
