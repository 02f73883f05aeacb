package org.registrysecrets.server.launchpad.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing, in two ways. After {@value #FREE_ATTEMPTS} failed logins for a user
 * name from one address, that pair must wait, twice as long after each further failure (at most 15
 * minutes); keyed by name and address, so that nobody can lock a user out from elsewhere. After
 * {@value #FREE_ATTEMPTS_PER_ADDRESS} failures from one address, whatever the names, the address
 * waits the same way, so that trying many names does not multiply the guesses.
 *
 * <p>The name is the one login checks: trimmed (as Spring Security's login filter does) and in
 * lower case, so that {@code "admin "} or {@code "Admin"} is the same lock as {@code admin}. The
 * counts live in bounded caches that evict single counts (least recently and frequently used) but
 * never a lock, and forget an entry an hour after its last failure, so that no flood of new names
 * lifts anyone's lock. An IPv6 client counts as its /64 network.
 */
final class LoginThrottle extends OncePerRequestFilter
    implements AuthenticationFailureHandler, AuthenticationSuccessHandler {

  static final int FREE_ATTEMPTS = 5;
  static final int FREE_ATTEMPTS_PER_ADDRESS = 20;
  private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Cache<String, Failures> byName;
  private final Cache<String, Failures> byAddress;
  private final SimpleUrlAuthenticationSuccessHandler success =
      new SimpleUrlAuthenticationSuccessHandler("/launchpad");

  LoginThrottle(Clock clock) {
    this.clock = clock;
    this.byName = cache();
    this.byAddress = cache();
    success.setAlwaysUseDefaultTargetUrl(true);
  }

  private static Cache<String, Failures> cache() {
    // A lock weighs nothing, so size-based eviction never lifts one; counts weigh one each. Both
    // are forgotten an hour after the last failure, longer than any wait.
    return Caffeine.newBuilder()
        .maximumWeight(MAX_KEYS)
        .<String, Failures>weigher((key, failures) -> failures.count() >= FREE_ATTEMPTS ? 0 : 1)
        .expireAfterWrite(LONGEST_WAIT.plusMinutes(45))
        .build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Instant now = clock.instant();
    if (locked(byName.getIfPresent(nameKey(request)), now)
        || locked(byAddress.getIfPresent(addressKey(request)), now)) {
      response.sendRedirect("/login?locked");
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    Instant now = clock.instant();
    byName.asMap().compute(nameKey(request), (key, previous) -> next(previous, FREE_ATTEMPTS, now));
    byAddress
        .asMap()
        .compute(
            addressKey(request), (key, previous) -> next(previous, FREE_ATTEMPTS_PER_ADDRESS, now));
    response.sendRedirect("/login?error");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    byName.invalidate(nameKey(request));
    success.onAuthenticationSuccess(request, response, authentication);
  }

  /** The user name as login reads it, and the address it came from. */
  static String nameKey(HttpServletRequest request) {
    String username = request.getParameter("username");
    return (username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
        + "|"
        + request.getRemoteAddr();
  }

  /**
   * The client's address, or for IPv6 its /64 network: one host usually has a whole /64, and
   * counting its addresses one by one would give it 2^64 times the guesses.
   */
  static String addressKey(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    if (!address.contains(":")) {
      return address;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return bytes.length == 16
          ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64"
          : InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private static boolean locked(@Nullable Failures failures, Instant now) {
    return failures != null && failures.lockedUntil().isAfter(now);
  }

  private static Failures next(@Nullable Failures previous, int free, Instant now) {
    int count = previous == null ? 1 : previous.count() + 1;
    Instant lockedUntil = now;
    if (count >= free) {
      long factor = 1L << Math.min(count - free, 10);
      Duration wait = FIRST_WAIT.multipliedBy(factor);
      lockedUntil = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }
    return new Failures(count, lockedUntil);
  }

  private record Failures(int count, Instant lockedUntil) {}
}
