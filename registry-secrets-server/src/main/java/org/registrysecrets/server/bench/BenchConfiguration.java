package org.registrysecrets.server.bench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.registrysecrets.server.security.Stateless;
import org.registrysecrets.server.security.TenantAuthentication;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Baselines for the benchmark, only with {@code --spring.profiles.active=bench}: {@code GET
 * /bench/ping} answers a constant JSON object through the same server stack, and API requests with
 * the header {@code X-Bench-Unauthenticated} run as the tenant {@code regsecrets.bench.tenant}
 * without a token.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchConfiguration {

  static final String UNAUTHENTICATED = "X-Bench-Unauthenticated";

  @Bean
  @Order(1)
  SecurityFilterChain benchSecurityFilterChain(
      HttpSecurity http, @Value("${regsecrets.bench.tenant:bench}") String tenant)
      throws Exception {
    http.securityMatcher(
            request ->
                request.getRequestURI().startsWith("/bench/")
                    || new RequestHeaderRequestMatcher(UNAUTHENTICATED).matches(request))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .addFilterAfter(new WithoutToken(tenant), SecurityContextHolderFilter.class);
    return Stateless.apply(http).build();
  }

  @RestController
  @Profile("bench")
  static class Ping {
    @GetMapping("/bench/ping")
    Map<String, String> ping() {
      return Map.of("status", "ok");
    }
  }

  /** Authenticates as the bench tenant, so the same controller and service run without a token. */
  private static final class WithoutToken extends OncePerRequestFilter {

    private final String tenant;

    WithoutToken(String tenant) {
      this.tenant = tenant;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      SecurityContextHolder.getContext()
          .setAuthentication(TenantAuthentication.withoutToken(TenantId.of(tenant), "bench"));
      try {
        chain.doFilter(request, response);
      } finally {
        SecurityContextHolder.clearContext();
      }
    }
  }
}
