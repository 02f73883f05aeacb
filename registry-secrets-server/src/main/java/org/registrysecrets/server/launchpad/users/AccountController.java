package org.registrysecrets.server.launchpad.users;

import java.security.Principal;
import org.registrysecrets.api.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user changes their own password, which is required after a one-time or reset password. */
@Controller
@RequestMapping("/launchpad/account/password")
class AccountController {

  private final LaunchpadUserService users;

  AccountController(LaunchpadUserService users) {
    this.users = users;
  }

  @GetMapping
  String page() {
    return "launchpad/password";
  }

  @PostMapping
  String change(
      @RequestParam String current,
      @RequestParam String password,
      @RequestParam String repeat,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    try {
      if (!users.matches(principal.getName(), current)) {
        throw new InvalidInputException("The current password is wrong.");
      }
      if (!password.equals(repeat)) {
        throw new InvalidInputException("The new passwords differ.");
      }
      if (password.equals(current)) {
        throw new InvalidInputException("Choose a password other than the current one.");
      }
      users.setPassword(principal.getName(), password, false);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      return "launchpad/password";
    }
    redirect.addFlashAttribute("success", "Your password was changed.");
    return "redirect:/launchpad";
  }
}
