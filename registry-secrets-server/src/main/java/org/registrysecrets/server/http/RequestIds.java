package org.registrysecrets.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
    String generated = newId();
    request.setAttribute(ATTRIBUTE, generated);
    return generated;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = wellFormed(request.getHeader(HEADER));
    if (id == null) {
      id = newId();
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

  /**
   * A random (version 4) UUID from {@link ThreadLocalRandom}: a request id names a request and
   * protects nothing, and {@code UUID.randomUUID()} takes the JDK's one {@code SecureRandom} lock
   * on every request.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low).toString();
  }

  private static @Nullable String wellFormed(@Nullable String candidate) {
    return candidate != null && Identifiers.isPlain(candidate, 64) ? candidate : null;
  }
}
