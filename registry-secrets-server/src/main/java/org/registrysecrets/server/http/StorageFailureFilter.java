package org.registrysecrets.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.registrysecrets.server.storage.StorageRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Storage failures that happen before a controller runs (the revocation lookup while a token is
 * checked, the service-key lookup of the token endpoint) answer 503 like those in controllers,
 * instead of leaking out of the filter chain as 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class StorageFailureFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(StorageFailureFilter.class);

  private final ApiErrorWriter errors;
  private final StorageRecovery recovery;

  StorageFailureFilter(ApiErrorWriter errors, StorageRecovery recovery) {
    this.errors = errors;
    this.recovery = recovery;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isApiOrTokenEndpoint(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (!StorageFailures.isStorageFailure(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Storage unavailable before the controller: {}", e.getClass().getSimpleName());
      recovery.afterFailure(e);
      response.reset();
      response.setHeader("Retry-After", StorageFailures.RETRY_AFTER);
      errors.write(StorageFailures.ERROR, request, response);
    }
  }
}
