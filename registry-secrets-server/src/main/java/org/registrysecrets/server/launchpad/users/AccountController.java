package org.registrysecrets.server.launchpad.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.registrysecrets.api.InvalidInputException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

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
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    try {
      if (!BuiltInUsers.isBuiltIn(authentication)) {
        throw new InvalidInputException("Your password is managed where you signed in.");
      }
      if (!users.matches(authentication.getName(), current)) {
        throw new InvalidInputException("The current password is wrong.");
      }
      if (!password.equals(repeat)) {
        throw new InvalidInputException("The new passwords differ.");
      }
      if (password.equals(current)) {
        throw new InvalidInputException("Choose a password other than the current one.");
      }
      long epoch = users.setPassword(authentication.getName(), password, false);
      continueSession(authentication, epoch, request, response);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      return "launchpad/password";
    }
    redirect.addFlashAttribute("success", "Your password was changed.");
    return "redirect:/launchpad";
  }

  /**
   * The password change ended every session of the user; this one goes on under the new epoch, with
   * a new session id.
   */
  private void continueSession(
      Authentication authentication,
      long epoch,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!(authentication.getPrincipal() instanceof LaunchpadPrincipal principal)) {
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal.withEpoch(epoch), null, principal.getAuthorities()));
    SecurityContextHolder.setContext(context);
    request.changeSessionId();
    sessions.saveContext(context, request, response);
  }
}
