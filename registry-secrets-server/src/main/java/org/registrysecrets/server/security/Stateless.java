package org.registrysecrets.server.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every machine-facing filter chain shares: no session, no saved requests, no CSRF, no logout
 * (there is no session to end).
 */
public final class Stateless {

  private Stateless() {}

  /**
   * Applies the settings to {@code http}. CSRF protection is off because these endpoints take
   * bearer tokens or client credentials, which a browser never sends on its own.
   */
  public static HttpSecurity apply(HttpSecurity http) throws Exception {
    return http.sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .securityContext(context -> context.requireExplicitSave(true))
        .csrf(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
  }
}
