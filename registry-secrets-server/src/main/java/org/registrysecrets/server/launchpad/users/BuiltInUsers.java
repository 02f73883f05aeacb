package org.registrysecrets.server.launchpad.users;

import java.security.Principal;
import org.springframework.security.core.Authentication;

/**
 * Tells built-in users from people signed in through a provider. A provider's user name may equal a
 * built-in user's, so anything stored per built-in user (password, workspace, password-change duty)
 * is looked up only for a built-in user's own session.
 */
public final class BuiltInUsers {

  private BuiltInUsers() {}

  public static boolean isBuiltIn(Principal principal) {
    return principal instanceof Authentication authentication
        && authentication.getPrincipal() instanceof LaunchpadPrincipal;
  }
}
