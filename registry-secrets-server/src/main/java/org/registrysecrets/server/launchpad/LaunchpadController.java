package org.registrysecrets.server.launchpad;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Entry points: the login page and the landing page after login. */
@Controller
class LaunchpadController {

  @GetMapping("/login")
  String login() {
    return "launchpad/login";
  }

  @GetMapping({"/", "/launchpad"})
  String home(Authentication authentication) {
    boolean secrets =
        authentication.getAuthorities().stream()
            .anyMatch(
                authority ->
                    LaunchpadRoles.SECRETS_VIEWER.equals(authority.getAuthority())
                        || LaunchpadRoles.SECRETS_EDITOR.equals(authority.getAuthority()));
    return secrets ? "redirect:/launchpad/secrets" : "redirect:/launchpad/workspaces";
  }
}
