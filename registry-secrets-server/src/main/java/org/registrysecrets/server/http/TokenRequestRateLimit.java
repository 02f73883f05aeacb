package org.registrysecrets.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits token requests per client address before any client secret is checked, so that guessing
 * secrets or flooding the issuer costs the caller, not the server. The limit holds across replicas.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class TokenRequestRateLimit extends OncePerRequestFilter {

  private final RateLimiter limiter;

  TokenRequestRateLimit(ApiProperties properties, JdbcClient jdbc) {
    this.limiter =
        RateLimiter.shared(
            jdbc, "token:", properties.tokenRequestsPerSecond(), properties.tokenBurst());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().equals("/oauth/token");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long wait = limiter.acquire(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", Long.toString(wait));
      response.setContentType("application/json");
      response
          .getWriter()
          .write(
              "{\"error\":\"slow_down\",\"error_description\":\"Too many token requests; retry later.\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
