package org.registrysecrets.server.launchpad.connections;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.launchpad.users.BuiltInUsers;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every Launchpad page shows in its shell bar and navigation. */
@ControllerAdvice(basePackages = "org.registrysecrets.server.launchpad")
class LaunchpadModel {

  private final CurrentWorkspace workspace;

  LaunchpadModel(CurrentWorkspace workspace) {
    this.workspace = workspace;
  }

  @ModelAttribute("currentConnection")
  @Nullable String currentConnection(@Nullable Principal principal) {
    return principal == null ? null : workspace.of(principal).orElse(null);
  }

  @ModelAttribute("username")
  @Nullable String username(@Nullable Principal principal) {
    return principal == null ? null : principal.getName();
  }

  /** Built-in users change their password here; others where they signed in. */
  @ModelAttribute("passwordManagedHere")
  boolean passwordManagedHere(@Nullable Principal principal) {
    return principal != null && BuiltInUsers.isBuiltIn(principal);
  }

  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
