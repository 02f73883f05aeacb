package org.registrysecrets.server.launchpad.users;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in user as the session holds them: name, roles, and the user's session epoch at sign-in,
 * which {@link SessionFollowsUserStore} compares with the stored one on every request.
 */
final class LaunchpadPrincipal extends User {

  private static final long serialVersionUID = 1L;

  private final long sessionEpoch;

  LaunchpadPrincipal(
      String username,
      String passwordHash,
      Collection<? extends GrantedAuthority> roles,
      long sessionEpoch) {
    super(username, passwordHash, roles);
    this.sessionEpoch = sessionEpoch;
  }

  long sessionEpoch() {
    return sessionEpoch;
  }

  /** The same principal under a new epoch, after the user changed their own password. */
  LaunchpadPrincipal withEpoch(long epoch) {
    return new LaunchpadPrincipal(getUsername(), "", getAuthorities(), epoch);
  }
}
