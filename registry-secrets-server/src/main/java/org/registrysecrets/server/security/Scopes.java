package org.registrysecrets.server.security;

import java.util.List;
import java.util.Set;
import org.registrysecrets.api.ServiceKeyRole;

/** SAP AI Core's scope names, and the roles that bundle them. */
public final class Scopes {

  public static final String READ = "aicore.dockerregistrysecret.credentials.read";
  public static final String CREATE = "aicore.dockerregistrysecret.credentials.create";
  public static final String UPDATE = "aicore.dockerregistrysecret.credentials.update";
  public static final String DELETE = "aicore.dockerregistrysecret.credentials.delete";

  /** Ours: create, list and revoke service keys. */
  public static final String MANAGE_SERVICE_KEYS = "registrysecrets.servicekeys.manage";

  /** Ours: read the tenant's audit trail (who changed what, when; never data). */
  public static final String READ_AUDIT = "registrysecrets.audit.read";

  /** Ours: register and remove the tenant's webhooks. */
  public static final String MANAGE_WEBHOOKS = "registrysecrets.webhooks.manage";

  /** Ours: read the operator's metrics ({@code /actuator/prometheus}), which span tenants. */
  public static final String READ_METRICS = "registrysecrets.metrics.read";

  /** Ours: rotate and retire the data keys that seal every stored credential. */
  public static final String MANAGE_KEYS = "registrysecrets.keys.manage";

  static final Set<String> ALL =
      Set.of(
          READ,
          CREATE,
          UPDATE,
          DELETE,
          MANAGE_SERVICE_KEYS,
          READ_AUDIT,
          MANAGE_WEBHOOKS,
          READ_METRICS,
          MANAGE_KEYS);

  private Scopes() {}

  /**
   * The scopes of a service key's role: an editor may also read the audit trail and manage
   * webhooks; {@code admin} is editor plus managing keys reading the metrics of every tenant and
   * managing the data keys.
   */
  public static List<String> ofRole(ServiceKeyRole role) {
    return switch (role) {
      case VIEWER -> List.of(READ);
      case EDITOR -> List.of(READ, CREATE, UPDATE, DELETE, READ_AUDIT, MANAGE_WEBHOOKS);
      case ADMIN ->
          List.of(
              READ,
              CREATE,
              UPDATE,
              DELETE,
              READ_AUDIT,
              MANAGE_WEBHOOKS,
              MANAGE_SERVICE_KEYS,
              READ_METRICS,
              MANAGE_KEYS);
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
