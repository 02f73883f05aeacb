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
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Ends a session whose user was removed, or whose roles or password changed since it began: every
 * such change raises the user's session epoch, and a session carries the epoch it began under. The
 * check reads the user store on each request, so it holds on every replica at once. A session
 * signed in through a provider ends when the provider's ID token expires: the provider decides how
 * long a sign-in lasts, and the next sign-in reads the person's groups again.
 */
final class SessionFollowsUserStore extends OncePerRequestFilter {

  private final LaunchpadUserService users;
  private final @Nullable IdTokenRefresh refresh;
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  /**
   * @param refresh renews an expired sign-in at the provider, or {@code null} without single
   *     sign-on
   */
  SessionFollowsUserStore(LaunchpadUserService users, @Nullable IdTokenRefresh refresh) {
    this.users = users;
    this.refresh = refresh;
  }

  /** Static files need no check (and would cost a query each). */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/assets/") || path.equals("/favicon.ico");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof OAuth2AuthenticationToken signIn
        && !stillValid(signIn.getPrincipal())
        && refresh != null) {
      Optional<OAuth2AuthenticationToken> renewed = renew(signIn, request, response);
      if (renewed.isPresent()) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed.get());
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        authentication = renewed.get();
      }
    }
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

  /** One renewal per session at a time: parallel page requests would each spend the token. */
  private Optional<OAuth2AuthenticationToken> renew(
      OAuth2AuthenticationToken signIn, HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session == null || refresh == null) {
      return Optional.empty();
    }
    synchronized (WebUtils.getSessionMutex(session)) {
      if (sessions.loadDeferredContext(request).get().getAuthentication()
              instanceof OAuth2AuthenticationToken current
          && stillValid(current.getPrincipal())) {
        return Optional.of(current);
      }
      return refresh.refresh(signIn, request, response);
    }
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
