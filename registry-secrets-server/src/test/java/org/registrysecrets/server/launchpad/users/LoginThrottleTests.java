package org.registrysecrets.server.launchpad.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.MutableClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

/** The throttle's keys and limits, without a server: per name and address, and per address. */
class LoginThrottleTests {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void locksAnAddressThatGuessesAcrossManyNames() throws Exception {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; i++) {
      fail("user-" + i, "203.0.113.7");
    }

    assertThat(attempt("a-new-name", "203.0.113.7")).isEqualTo("/login?locked");
    assertThat(attempt("a-new-name", "198.51.100.1")).isNull();
    clock.advance(Duration.ofSeconds(31));
    assertThat(attempt("a-new-name", "203.0.113.7")).isNull();
  }

  @Test
  void aFloodOfNewNamesDoesNotResetALock() throws Exception {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      fail("admin", "192.0.2.1");
    }
    // Far more distinct keys than the cache holds, from other addresses.
    for (int i = 0; i < 120_000; i++) {
      fail("flood-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
    }

    assertThat(attempt(" admin ", "192.0.2.1")).isEqualTo("/login?locked");
  }

  @Test
  void countsAnIpv6ClientByItsNetwork() throws Exception {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; i++) {
      fail("user-" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
    }

    assertThat(attempt("someone", "2001:db8:1:2:ffff::9")).isEqualTo("/login?locked");
    assertThat(attempt("someone", "2001:db8:1:3::1")).isNull();
  }

  private void fail(String username, String address) throws Exception {
    throttle.onAuthenticationFailure(
        request(username, address),
        new MockHttpServletResponse(),
        new BadCredentialsException("no"));
  }

  /** Where the throttle sends the attempt, or {@code null} if it lets it through. */
  private String attempt(String username, String address) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request(username, address), response, new MockFilterChain());
    return response.getRedirectedUrl();
  }

  private static MockHttpServletRequest request(String username, String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
    request.setServletPath("/login");
    request.setRemoteAddr(address);
    request.setParameter("username", username);
    return request;
  }
}
