package org.registrysecrets.bench.baseline;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.registrysecrets.server.security.Stateless;
import org.registrysecrets.server.security.TenantJwtConverter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The benchmark's authentication baseline, an auto-configuration that exists only in the
 * benchmark's classes, which it puts on the classpath of the server it starts: API requests with
 * {@code X-Bench-Unauthenticated} run as the tenant {@code bench} with every scope, as if a token
 * had been checked. The shipped jar has no such code, so no profile or property of it can switch
 * authentication off.
 */
@AutoConfiguration
public class BenchBaselines {

  static final String UNAUTHENTICATED = "X-Bench-Unauthenticated";

  @Bean
  @Order(1)
  SecurityFilterChain benchSecurityFilterChain(HttpSecurity http) throws Exception {
    http.securityMatcher(new RequestHeaderRequestMatcher(UNAUTHENTICATED))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .addFilterAfter(new AsBenchTenant(), SecurityContextHolderFilter.class);
    return Stateless.apply(http).build();
  }

  /** The authentication a checked token of the bench tenant would give, without a token. */
  private static final class AsBenchTenant extends OncePerRequestFilter {

    private final TenantJwtConverter converter = new TenantJwtConverter("zid");
    private final Jwt token =
        Jwt.withTokenValue("bench")
            .header("alg", "none")
            .subject("bench")
            .claim("zid", "bench")
            .claim(
                "scope",
                List.of(
                    "aicore.dockerregistrysecret.credentials.read",
                    "aicore.dockerregistrysecret.credentials.create",
                    "aicore.dockerregistrysecret.credentials.update",
                    "aicore.dockerregistrysecret.credentials.delete"))
            .build();

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      SecurityContextHolder.getContext().setAuthentication(converter.convert(token));
      try {
        chain.doFilter(request, response);
      } finally {
        SecurityContextHolder.clearContext();
      }
    }
  }
}
