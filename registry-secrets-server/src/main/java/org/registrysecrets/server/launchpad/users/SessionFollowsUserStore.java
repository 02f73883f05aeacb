package org.registrysecrets.server.launchpad.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose user was removed, or whose roles or password changed since it began: every
 * such change raises the user's session epoch, and a session carries the epoch it began under. The
 * check reads the user store on each request, so it holds on every replica at once.
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
    if (authentication != null
        && authentication.getPrincipal() instanceof LaunchpadPrincipal principal) {
      Optional<Long> current = users.sessionEpoch(principal.getUsername());
      if (current.isEmpty() || current.get() != principal.sessionEpoch()) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        LoginRedirect.send(request, response, LoginRedirect.EXPIRED);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
