package org.registrysecrets.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.Identifiers;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (a client's {@code X-Request-Id} if it is well-formed), echoes it in
 * the response, and puts it in the log context and in error bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = RequestIds.class.getName();

  /** The id of {@code request}; a new one if the filter has not run (e.g. in slice tests). */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id instanceof String value) {
      return value;
    }
    String generated = UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, generated);
    return generated;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = wellFormed(request.getHeader(HEADER));
    if (id == null) {
      id = UUID.randomUUID().toString();
    }
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    MDC.put("requestId", id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("requestId");
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }

  private static @Nullable String wellFormed(@Nullable String candidate) {
    return candidate != null && Identifiers.isPlain(candidate, 64) ? candidate : null;
  }
}
