package org.registrysecrets.server.launchpad;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.registrysecrets.server.security.Scopes;

/** The Launchpad's roles, with SAP AI Launchpad's names; each is an authority of its own. */
public final class LaunchpadRoles {

  public static final String ADMINISTRATOR = "administrator";
  public static final String CONNECTIONS_VIEWER = "connections_viewer";
  public static final String CONNECTIONS_EDITOR = "connections_editor";
  public static final String SECRETS_VIEWER = "aicore_admin_dockerregistrysecret_viewer";
  public static final String SECRETS_EDITOR = "aicore_admin_dockerregistrysecret_editor";

  /** Every role, in the order the Users page shows them. */
  public static final List<String> ALL =
      List.of(
          CONNECTIONS_VIEWER, CONNECTIONS_EDITOR, SECRETS_VIEWER, SECRETS_EDITOR, ADMINISTRATOR);

  private LaunchpadRoles() {}

  /**
   * The API scopes a person with {@code roles} acts with on this server: a secrets viewer reads, an
   * editor also changes, reads the audit trail and manages webhooks, an administrator reads the
   * audit trail.
   */
  public static Set<String> apiScopes(Collection<String> roles) {
    Set<String> scopes = new LinkedHashSet<>();
    if (roles.contains(SECRETS_VIEWER)) {
      scopes.add(Scopes.READ);
    }
    if (roles.contains(SECRETS_EDITOR)) {
      scopes.addAll(
          List.of(
              Scopes.READ,
              Scopes.CREATE,
              Scopes.UPDATE,
              Scopes.DELETE,
              Scopes.READ_AUDIT,
              Scopes.MANAGE_WEBHOOKS));
    }
    if (roles.contains(ADMINISTRATOR)) {
      scopes.add(Scopes.READ_AUDIT);
    }
    return scopes;
  }
}
