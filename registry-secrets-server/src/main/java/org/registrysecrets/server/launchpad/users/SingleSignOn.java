package org.registrysecrets.server.launchpad.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.registrysecrets.server.launchpad.LaunchpadLoginProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in through the configured OpenID Connect provider: authorization code with PKCE (also for
 * confidential clients), roles from the provider's groups, clear pages when the provider is down,
 * misconfigured or gives the person no role, and logout at the provider too where it supports it.
 */
final class SingleSignOn {

  private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);
  private static final String AUTHORIZATION = "/oauth2/authorization";

  private final LaunchpadLoginProperties.Oidc oidc;
  private final OidcClientRegistrations registrations;
  private final OidcRoleMapping roles;
  // In the session, not in memory: a sign-in's tokens stay with its session.
  private final OAuth2AuthorizedClientRepository authorizedClients =
      new HttpSessionOAuth2AuthorizedClientRepository();

  SingleSignOn(LaunchpadLoginProperties.Oidc oidc) {
    this.oidc = oidc;
    this.registrations = new OidcClientRegistrations(oidc);
    this.roles = new OidcRoleMapping(oidc);
  }

  /** Renews sign-ins whose ID token expired, with the provider's refresh token. */
  IdTokenRefresh refresh() {
    return new IdTokenRefresh(authorizedClients, roles);
  }

  /** The paths the Launchpad's security chain must cover for the sign-in round trip. */
  static String[] paths() {
    return new String[] {AUTHORIZATION + "/**", "/login/oauth2/code/**"};
  }

  void apply(HttpSecurity http) throws Exception {
    DefaultOAuth2AuthorizationRequestResolver requests =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION);
    requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    http.oauth2Login(
            login ->
                login
                    .loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .authorizedClientRepository(authorizedClients)
                    .authorizationEndpoint(
                        endpoint -> endpoint.authorizationRequestResolver(requests))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(roles))
                    .defaultSuccessUrl("/launchpad", true)
                    .failureHandler(this::failed))
        .addFilterBefore(
            new ProviderAvailability(), OAuth2AuthorizationRequestRedirectFilter.class);
  }

  /** Logs out at the provider too when the person signed in there and it supports it. */
  LogoutSuccessHandler logoutSuccessHandler() {
    OidcClientInitiatedLogoutSuccessHandler handler =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
    handler.setDefaultTargetUrl("/login?logout");
    return handler;
  }

  /**
   * The provider's origin: logging out posts a form whose redirect ends at the provider, and the
   * Content-Security-Policy's {@code form-action} covers redirects too.
   */
  String providerOrigin() {
    URI issuer = URI.create(String.valueOf(oidc.issuerUri()));
    return issuer.getScheme() + "://" + issuer.getRawAuthority();
  }

  private void failed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String code =
        e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
    log.warn("Sign-in with {} failed: {} ({})", oidc.id(), code, e.getClass().getSimpleName());
    response.sendRedirect(
        request.getContextPath()
            + (OidcRoleMapping.NO_ROLES.equals(code) ? "/login?no-roles" : "/login?sso-error"));
  }

  /** Sends the browser back to the login page, with a reason, when the provider cannot be used. */
  private final class ProviderAvailability extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !request.getRequestURI().startsWith(request.getContextPath() + AUTHORIZATION + "/");
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        registrations.resolve();
      } catch (OidcClientRegistrations.ProviderUnavailableException e) {
        log.warn("Sign-in with {} is unavailable: {}", oidc.id(), e.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?sso-unavailable");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
