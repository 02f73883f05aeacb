package org.registrysecrets.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.registrysecrets.server.storage.RequestDeadline;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives each API request its deadline ({@code regsecrets.api.request-deadline}) from arrival. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestDeadlineFilter extends OncePerRequestFilter {

  private final ApiProperties properties;
  private final Clock clock;

  RequestDeadlineFilter(ApiProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isApi(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RequestDeadline.set(clock.instant().plus(properties.requestDeadline()));
    try {
      chain.doFilter(request, response);
    } finally {
      RequestDeadline.clear();
    }
  }
}
