package org.registrysecrets.server.launchpad.users;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A built-in Launchpad user: roles, whether the password must change, the chosen workspace.
 *
 * @param sessionEpoch raised by every change of roles or password; older sessions end
 */
public record LaunchpadUser(
    String username,
    String passwordHash,
    List<String> roles,
    boolean passwordChangeRequired,
    @Nullable String currentConnection,
    long sessionEpoch) {

  public LaunchpadUser {
    roles = List.copyOf(roles);
  }

  @Override
  public String toString() {
    return "LaunchpadUser[" + username + ", roles=" + roles + "]";
  }
}
