package org.registrysecrets.server.launchpad.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose user was removed, or whose roles or password changed since it began: every
 * such change raises the user's session epoch, and a session carries the epoch it began under. The
 * check reads the user store on each request, so it holds on every replica at once. A session
 * signed in through a provider ends when the provider's ID token expires: the provider decides how
 * long a sign-in lasts, and the next sign-in reads the person's groups again.
 */
final class SessionFollowsUserStore extends OncePerRequestFilter {

  private final LaunchpadUserService users;

  SessionFollowsUserStore(LaunchpadUserService users) {
    this.users = users;
  }

  /** Static files need no check (and would cost a query each). */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/assets/") || path.startsWith("/webjars/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && !stillValid(authentication.getPrincipal())) {
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      LoginRedirect.send(request, response, LoginRedirect.EXPIRED);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean stillValid(@Nullable Object principal) {
    if (principal instanceof LaunchpadPrincipal user) {
      Optional<Long> current = users.sessionEpoch(user.getUsername());
      return current.isPresent() && current.get() == user.sessionEpoch();
    }
    if (principal instanceof OidcUser person) {
      Instant expiresAt = person.getIdToken().getExpiresAt();
      return expiresAt != null && Instant.now().isBefore(expiresAt);
    }
    return true;
  }
}
