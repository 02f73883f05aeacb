package org.registrysecrets.server.launchpad.users;

import static org.registrysecrets.server.launchpad.LaunchpadRoles.ADMINISTRATOR;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.CONNECTIONS_EDITOR;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.CONNECTIONS_VIEWER;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.SECRETS_EDITOR;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.SECRETS_VIEWER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Clock;
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
 * The browser side: form login with built-in users, sessions, CSRF protection on every change, a
 * Content-Security-Policy without inline scripts or styles, and role rules that the server enforces
 * whatever the page shows.
 */
@Configuration(proxyBeanMethods = false)
class LaunchpadSecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(50)
  SecurityFilterChain launchpadSecurityFilterChain(HttpSecurity http, LaunchpadUserService users)
      throws Exception {
    LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
    passwords.setPasswordEncoder(users.passwordEncoder());
    http.securityMatcher(
            "/", "/login", "/logout", "/launchpad", "/launchpad/**", "/assets/**", "/webjars/**")
        .authenticationProvider(passwords)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/login", "/assets/**", "/webjars/**")
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
                    .requestMatchers("/launchpad/secrets/**")
                    .hasAuthority(SECRETS_EDITOR)
                    .anyRequest()
                    .authenticated())
        .formLogin(
            login ->
                login
                    .loginPage("/login")
                    .successHandler(throttle)
                    .failureHandler(throttle)
                    .permitAll())
        .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new SessionFollowsUserStore(users), AuthorizationFilter.class)
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(
                    (request, response, e) -> LoginRedirect.send(request, response, "/login")))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny()));
    return http.build();
  }
}
