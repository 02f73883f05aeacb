package org.registrysecrets.server.launchpad.users;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A built-in Launchpad user: roles, whether the password must change, the chosen workspace. */
public record LaunchpadUser(
    String username,
    String passwordHash,
    List<String> roles,
    boolean passwordChangeRequired,
    @Nullable String currentConnection) {

  public LaunchpadUser {
    roles = List.copyOf(roles);
  }

  @Override
  public String toString() {
    return "LaunchpadUser[" + username + ", roles=" + roles + "]";
  }
}
