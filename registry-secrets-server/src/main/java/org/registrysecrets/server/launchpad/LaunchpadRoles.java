package org.registrysecrets.server.launchpad;

import java.util.List;

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
}
