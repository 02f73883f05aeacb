package org.registrysecrets.server.launchpad.users;

import static org.registrysecrets.server.launchpad.LaunchpadRoles.ADMINISTRATOR;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.CONNECTIONS_EDITOR;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.CONNECTIONS_VIEWER;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.SECRETS_EDITOR;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.SECRETS_VIEWER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.registrysecrets.server.launchpad.LaunchpadLoginProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The browser side: sign-in with built-in users and/or an OpenID Connect provider, sessions, CSRF
 * protection on every change, a Content-Security-Policy without inline scripts or styles, and role
 * rules that the server enforces whatever the page shows.
 */
@Configuration(proxyBeanMethods = false)
class LaunchpadSecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(50)
  SecurityFilterChain launchpadSecurityFilterChain(
      HttpSecurity http, LaunchpadUserService users, LaunchpadLoginProperties login)
      throws Exception {
    List<String> paths =
        new ArrayList<>(
            List.of(
                "/",
                "/login",
                "/logout",
                "/launchpad",
                "/launchpad/**",
                "/assets/**",
                "/favicon.ico"));
    SingleSignOn sso = login.oidc().enabled() ? new SingleSignOn(login.oidc()) : null;
    if (sso != null) {
      paths.addAll(List.of(SingleSignOn.paths()));
    }
    http.securityMatcher(paths.toArray(String[]::new))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/login", "/assets/**", "/favicon.ico")
                    .permitAll()
                    .requestMatchers("/launchpad/users", "/launchpad/users/**")
                    .hasAuthority(ADMINISTRATOR)
                    .requestMatchers(GET, "/launchpad/workspaces", "/launchpad/workspaces/tiles")
                    .hasAnyAuthority(CONNECTIONS_VIEWER, CONNECTIONS_EDITOR)
                    .requestMatchers(POST, "/launchpad/workspaces/*/select")
                    .hasAnyAuthority(CONNECTIONS_VIEWER, CONNECTIONS_EDITOR)
                    .requestMatchers("/launchpad/workspaces/**")
                    .hasAuthority(CONNECTIONS_EDITOR)
                    .requestMatchers(GET, "/launchpad/secrets", "/launchpad/secrets/tiles")
                    .hasAnyAuthority(SECRETS_VIEWER, SECRETS_EDITOR)
                    .requestMatchers("/launchpad/secrets/*/pull-check")
                    .hasAnyAuthority(SECRETS_VIEWER, SECRETS_EDITOR)
                    .requestMatchers(
                        "/launchpad/secrets/**", "/launchpad/webhooks", "/launchpad/webhooks/**")
                    .hasAuthority(SECRETS_EDITOR)
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(
            new SessionFollowsUserStore(users, sso == null ? null : sso.refresh()),
            AuthorizationFilter.class)
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(
                    (request, response, e) -> LoginRedirect.send(request, response, "/login")))
        .logout(
            logout -> {
              logout.logoutUrl("/logout");
              if (sso != null) {
                logout.logoutSuccessHandler(sso.logoutSuccessHandler());
              } else {
                logout.logoutSuccessUrl("/login?logout");
              }
            })
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                sso == null
                                    ? CONTENT_SECURITY_POLICY
                                    : CONTENT_SECURITY_POLICY.replace(
                                        "form-action 'self'",
                                        "form-action 'self' " + sso.providerOrigin())))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny()));
    if (login.formLogin()) {
      LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
      DaoAuthenticationProvider passwords =
          new DaoAuthenticationProvider(users::loadUserByUsername);
      passwords.setPasswordEncoder(users.passwordEncoder());
      http.authenticationProvider(passwords)
          .formLogin(
              form ->
                  form.loginPage("/login")
                      .successHandler(throttle)
                      .failureHandler(throttle)
                      .permitAll())
          .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
    }
    if (sso != null) {
      sso.apply(http);
    }
    return http.build();
  }
}
