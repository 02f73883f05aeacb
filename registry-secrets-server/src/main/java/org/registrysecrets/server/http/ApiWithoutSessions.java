package org.registrysecrets.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Launchpad's sessions (Spring Session, a filter for every path) off the API and the
 * token endpoint, which authenticate each request by its token or client secret: there the session
 * filter would only wrap the request and the response, one more layer under every header and
 * attribute lookup. It passes over a request it believes it has seen already, so this marks the
 * stateless ones just before it runs.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class ApiWithoutSessions extends OncePerRequestFilter {

  /** The attribute by which the session filter knows a request it has seen. */
  static final String SESSION_FILTER_SEEN =
      SessionRepositoryFilter.class.getName() + SessionRepositoryFilter.ALREADY_FILTERED_SUFFIX;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isApiOrTokenEndpoint(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    request.setAttribute(SESSION_FILTER_SEEN, Boolean.TRUE);
    chain.doFilter(request, response);
  }
}
