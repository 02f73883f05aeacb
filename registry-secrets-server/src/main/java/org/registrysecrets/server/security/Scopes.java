package org.registrysecrets.server.security;

import java.util.List;
import java.util.Set;

/** SAP AI Core's scope names, and the roles that bundle them. */
public final class Scopes {

  public static final String READ = "aicore.dockerregistrysecret.credentials.read";
  public static final String CREATE = "aicore.dockerregistrysecret.credentials.create";
  public static final String UPDATE = "aicore.dockerregistrysecret.credentials.update";
  public static final String DELETE = "aicore.dockerregistrysecret.credentials.delete";

  /** Ours: create, list and revoke service keys. */
  public static final String MANAGE_SERVICE_KEYS = "registrysecrets.servicekeys.manage";

  static final Set<String> ALL = Set.of(READ, CREATE, UPDATE, DELETE, MANAGE_SERVICE_KEYS);

  private Scopes() {}

  /** The scopes of a role: {@code viewer}, {@code editor}, or {@code admin} (editor + keys). */
  public static List<String> ofRole(String role) {
    return switch (role) {
      case "viewer" -> List.of(READ);
      case "editor" -> List.of(READ, CREATE, UPDATE, DELETE);
      case "admin" -> List.of(READ, CREATE, UPDATE, DELETE, MANAGE_SERVICE_KEYS);
      default -> throw new IllegalArgumentException("Unknown role " + role);
    };
  }

  /**
   * The scope a granted scope stands for, accepting an XSUAA-style {@code <xsappname>.} prefix, or
   * {@code null} if it is none of ours.
   */
  static @org.jspecify.annotations.Nullable String normalize(String granted) {
    if (ALL.contains(granted)) {
      return granted;
    }
    for (String scope : ALL) {
      if (granted.endsWith("." + scope)) {
        return scope;
      }
    }
    return null;
  }
}
