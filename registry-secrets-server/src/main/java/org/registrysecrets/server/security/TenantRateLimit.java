package org.registrysecrets.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.registrysecrets.server.http.ApiError;
import org.registrysecrets.server.http.ApiErrorCode;
import org.registrysecrets.server.http.ApiErrorWriter;
import org.registrysecrets.server.http.ApiProperties;
import org.registrysecrets.server.http.RateLimiter;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Limits API calls per tenant, once the token has said which tenant calls: one noisy tenant cannot
 * starve the others. The limit holds across replicas ({@link RateLimiter#shared}). Over the limit:
 * 429 with {@code Retry-After} and AI Core's error body.
 */
@Configuration(proxyBeanMethods = false)
class TenantRateLimit implements HandlerInterceptor, WebMvcConfigurer {

  private final RateLimiter limiter;
  private final ApiErrorWriter errors;

  TenantRateLimit(ApiProperties properties, ApiErrorWriter errors, JdbcClient jdbc) {
    this.limiter =
        RateLimiter.shared(
            jdbc, "tenant:", properties.tenantRequestsPerSecond(), properties.tenantBurst());
    this.errors = errors;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    if (limiter.enabled()) {
      registry.addInterceptor(this).addPathPatterns("/v2/**");
    }
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof TenantAuthentication token)) {
      return true;
    }
    long wait = limiter.acquire(token.tenant().value());
    if (wait == 0) {
      return true;
    }
    response.setHeader("Retry-After", Long.toString(wait));
    errors.write(
        new ApiError(
            ApiErrorCode.TOO_MANY_REQUESTS,
            "The tenant sends more requests than allowed; retry after " + wait + " s."),
        request,
        response);
    return false;
  }
}
