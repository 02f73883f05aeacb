package org.registrysecrets.server.launchpad;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Entry points: the login page and the landing page after login. */
@Controller
class LaunchpadController {

  private final LaunchpadLoginProperties login;

  LaunchpadController(LaunchpadLoginProperties login) {
    this.login = login;
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("formLogin", login.formLogin());
    if (login.oidc().enabled()) {
      model.addAttribute("ssoName", login.oidc().displayName());
      model.addAttribute("ssoUrl", "/oauth2/authorization/" + login.oidc().id());
    }
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
