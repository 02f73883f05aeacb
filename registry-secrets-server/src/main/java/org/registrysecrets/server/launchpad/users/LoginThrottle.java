package org.registrysecrets.server.launchpad.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failed logins for a user name from
 * one address, that pair must wait, twice as long after each further failure (at most 15 minutes).
 * Keyed by name and address, so that nobody can lock a user out from elsewhere.
 */
final class LoginThrottle extends OncePerRequestFilter
    implements AuthenticationFailureHandler, AuthenticationSuccessHandler {

  static final int FREE_ATTEMPTS = 5;
  private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
  private final SimpleUrlAuthenticationSuccessHandler success =
      new SimpleUrlAuthenticationSuccessHandler("/launchpad");

  LoginThrottle(Clock clock) {
    this.clock = clock;
    success.setAlwaysUseDefaultTargetUrl(true);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Failures current = failures.get(key(request));
    if (current != null && current.lockedUntil().isAfter(clock.instant())) {
      response.sendRedirect("/login?locked");
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    Instant now = clock.instant();
    failures.compute(
        key(request),
        (key, previous) -> {
          int count = previous == null ? 1 : previous.count() + 1;
          Instant lockedUntil = now;
          if (count >= FREE_ATTEMPTS) {
            long factor = 1L << Math.min(count - FREE_ATTEMPTS, 10);
            Duration wait = FIRST_WAIT.multipliedBy(factor);
            lockedUntil = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
          }
          return new Failures(count, lockedUntil);
        });
    response.sendRedirect("/login?error");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    failures.remove(key(request));
    success.onAuthenticationSuccess(request, response, authentication);
  }

  private static String key(HttpServletRequest request) {
    String username = request.getParameter("username");
    return (username == null ? "" : username.toLowerCase(Locale.ROOT))
        + "|"
        + request.getRemoteAddr();
  }

  private record Failures(int count, Instant lockedUntil) {}
}
