package org.registrysecrets.server.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.DispatcherType;
import org.registrysecrets.server.http.ApiErrorWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer-token rules for the JSON APIs: each call needs its own SAP scope, every token a tenant.
 * Everything else but health and the error page needs a token too.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

  static final String SECRETS = "/v2/admin/dockerRegistrySecrets";

  @Bean
  @Order(10)
  SecurityFilterChain apiSecurityFilterChain(
      HttpSecurity http,
      SecurityProperties properties,
      ApiErrorWriter errorWriter,
      JwtDecoder jwtDecoder)
      throws Exception {
    ApiAuthenticationErrors errors = new ApiAuthenticationErrors(errorWriter);
    http.securityMatcher("/v2/**", "/platform/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        GET,
                        SECRETS,
                        SECRETS + "/*",
                        SECRETS + "/*/versions",
                        "/v2/admin/resourceQuota/**")
                    .hasAuthority(Scopes.READ)
                    .requestMatchers(POST, SECRETS + "/*/versions/*/restore")
                    .hasAuthority(Scopes.UPDATE)
                    .requestMatchers(POST, SECRETS)
                    .hasAuthority(Scopes.CREATE)
                    .requestMatchers(POST, SECRETS + "/*/pull-check")
                    .hasAuthority(Scopes.READ)
                    .requestMatchers(POST, SECRETS + "/*/verify")
                    .hasAuthority(Scopes.UPDATE)
                    .requestMatchers(PATCH, SECRETS + "/*")
                    .hasAuthority(Scopes.UPDATE)
                    .requestMatchers(DELETE, SECRETS + "/*")
                    .hasAuthority(Scopes.DELETE)
                    .requestMatchers("/platform/v1/service-keys", "/platform/v1/service-keys/**")
                    .hasAuthority(Scopes.MANAGE_SERVICE_KEYS)
                    .requestMatchers(GET, "/platform/v1/audit-events")
                    .hasAuthority(Scopes.READ_AUDIT)
                    .requestMatchers("/platform/v1/webhooks", "/platform/v1/webhooks/**")
                    .hasAuthority(Scopes.MANAGE_WEBHOOKS)
                    .requestMatchers("/platform/v1/data-keys", "/platform/v1/data-keys/**")
                    .hasAuthority(Scopes.MANAGE_KEYS)
                    .anyRequest()
                    .authenticated());
    return bearerTokens(http, properties, errors, jwtDecoder).build();
  }

  /** Health and the error page are public; anything else needs a valid token. */
  @Bean
  @Order(100)
  SecurityFilterChain defaultSecurityFilterChain(
      HttpSecurity http,
      SecurityProperties properties,
      ApiErrorWriter errorWriter,
      JwtDecoder jwtDecoder)
      throws Exception {
    ApiAuthenticationErrors errors = new ApiAuthenticationErrors(errorWriter);
    http.authorizeHttpRequests(
        requests ->
            requests
                .dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                .requestMatchers("/error", "/actuator/health", "/actuator/health/**")
                .permitAll()
                // Left out of the embedded issuer (see EmbeddedIssuerConfiguration): 404 for all.
                .requestMatchers("/oauth2/revoke", "/oauth2/introspect")
                .permitAll()
                .requestMatchers("/actuator/prometheus")
                .hasAuthority(Scopes.READ_METRICS)
                .anyRequest()
                .authenticated());
    return bearerTokens(http, properties, errors, jwtDecoder).build();
  }

  /**
   * Stateless bearer-token authentication with AI Core's error bodies for 401 and 403. The tokens
   * are checked by an authentication manager of their own, which publishes no application event per
   * request (nothing listens to them, and the event lookup cost about 1% of a read).
   */
  private static HttpSecurity bearerTokens(
      HttpSecurity http,
      SecurityProperties properties,
      ApiAuthenticationErrors errors,
      JwtDecoder jwtDecoder)
      throws Exception {
    JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(jwtDecoder);
    tokens.setJwtAuthenticationConverter(new TenantJwtConverter(properties.tenantClaim()));
    return Stateless.apply(http)
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .bearerTokenResolver(new BearerTokenHeader())
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens)))
                    .authenticationEntryPoint(errors)
                    .accessDeniedHandler(errors))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors));
  }

  /**
   * No observation around each filter of each chain: the HTTP server observation already times
   * every request, and the wrappers cost more than the API's own work on a read.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** Tokens from an external issuer (XSUAA, Keycloak, ...) when the embedded one is off. */
  @Bean
  @ConditionalOnProperty(name = "regsecrets.issuer.enabled", havingValue = "false")
  JwtDecoder externalIssuerJwtDecoder(SecurityProperties properties) {
    String jwkSetUri = properties.jwkSetUri();
    if (jwkSetUri == null || jwkSetUri.isBlank()) {
      throw new IllegalStateException(
          "regsecrets.security.jwk-set-uri must be set when regsecrets.issuer.enabled=false");
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
    String issuer = properties.issuer();
    var validator =
        ApiTokenValidators.create(properties, issuer == null ? null : () -> issuer, null);
    decoder.setJwtValidator(validator);
    return new CachingJwtDecoder(decoder, validator);
  }
}
