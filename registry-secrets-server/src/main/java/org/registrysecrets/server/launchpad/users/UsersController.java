package org.registrysecrets.server.launchpad.users;

import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.server.launchpad.LaunchpadRoles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users, for administrators: add, assign roles, reset passwords, remove. */
@Controller
@RequestMapping("/launchpad/users")
class UsersController {

  private final LaunchpadUserService users;

  UsersController(LaunchpadUserService users) {
    this.users = users;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("users", users.list());
    model.addAttribute("roles", LaunchpadRoles.ALL);
    return "launchpad/users";
  }

  @PostMapping
  String add(
      @RequestParam String username,
      @RequestParam String password,
      @RequestParam(required = false) @Nullable List<String> roles,
      RedirectAttributes redirect) {
    return handle(
        () -> users.create(username.strip(), password, roles == null ? List.of() : roles, true),
        "User " + username + " added; they choose their own password at first login.",
        redirect);
  }

  @PostMapping("/{username}/roles")
  String roles(
      @PathVariable String username,
      @RequestParam(required = false) @Nullable List<String> roles,
      Principal principal,
      RedirectAttributes redirect) {
    return handle(
        () -> {
          List<String> granted = roles == null ? List.of() : roles;
          if (username.equals(principal.getName())
              && !granted.contains(LaunchpadRoles.ADMINISTRATOR)) {
            throw new InvalidInputException(
                "You cannot take the administrator role from yourself.");
          }
          users.updateRoles(username, granted);
        },
        "Roles of " + username + " saved.",
        redirect);
  }

  @PostMapping("/{username}/password")
  String resetPassword(
      @PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
    return handle(
        () -> users.setPassword(username, password, true),
        "Password of " + username + " reset; they choose a new one at next login.",
        redirect);
  }

  @PostMapping("/{username}/remove")
  String remove(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
    return handle(
        () -> {
          if (username.equals(principal.getName())) {
            throw new InvalidInputException("You cannot remove yourself.");
          }
          users.remove(username);
        },
        "User " + username + " removed.",
        redirect);
  }

  private static String handle(Runnable action, String success, RedirectAttributes redirect) {
    try {
      action.run();
      redirect.addFlashAttribute("success", success);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/launchpad/users";
  }
}
