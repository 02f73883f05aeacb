package org.registrysecrets.testidp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * An OpenID Connect provider for tests: a second Spring Authorization Server on 127.0.0.1 (another
 * host than the Launchpad's {@code localhost}, so the two sessions' cookies stay apart), with users
 * whose ID tokens carry {@code groups}. Authorization code with PKCE, refresh tokens, RP-initiated
 * logout.
 */
public final class TestOidcProvider implements AutoCloseable {

  public static final String CLIENT_ID = "launchpad";
  public static final String CLIENT_SECRET = "launchpad-client-secret";
  public static final String PASSWORD = "provider-password";

  /** User name → groups. */
  public static final Map<String, List<String>> USERS =
      Map.of(
          "erin", List.of("registry-editors", "staff"),
          "vic", List.of("registry-viewers"),
          "nora", List.of("staff"));

  private final ConfigurableApplicationContext context;

  private TestOidcProvider(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static TestOidcProvider start() {
    return new TestOidcProvider(
        new SpringApplicationBuilder(ProviderApplication.class)
            .properties(
                "spring.config.name=test-oidc-provider",
                "server.address=127.0.0.1",
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:test-oidc-provider",
                "spring.flyway.enabled=false",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN")
            .run());
  }

  public String issuer() {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /**
   * Lets the Launchpad at {@code launchpadUrl} sign people in, with {@code secret} as its client
   * secret (a wrong one makes the Launchpad's token request fail), and renew sign-ins with refresh
   * tokens.
   */
  public void registerLaunchpad(String launchpadUrl, String secret) {
    registerLaunchpad(launchpadUrl, secret, true);
  }

  /** As above; without {@code refreshTokens} the provider issues no refresh token. */
  public void registerLaunchpad(String launchpadUrl, String secret, boolean refreshTokens) {
    AuthorizationGrantType renewal =
        refreshTokens
            ? AuthorizationGrantType.REFRESH_TOKEN
            : AuthorizationGrantType.CLIENT_CREDENTIALS;
    context
        .getBean(RegisteredClientRepository.class)
        .save(
            RegisteredClient.withId("launchpad-registration")
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(renewal)
                .redirectUri(launchpadUrl + "/login/oauth2/code/test-idp")
                .postLogoutRedirectUri(launchpadUrl + "/login?logout")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(
                    ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .build());
  }

  /** From now on, ID tokens expire this soon after they are issued. */
  public void idTokenLifetime(Duration lifetime) {
    context.getBean(ProviderApplication.class).idTokenLifetime = lifetime;
  }

  @Override
  public void close() {
    context.close();
  }

  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class ProviderApplication {

    volatile Duration idTokenLifetime = Duration.ofMinutes(30);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain providerEndpoints(HttpSecurity http) throws Exception {
      OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
      http.securityMatcher(server.getEndpointsMatcher())
          .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .exceptionHandling(
              exceptions ->
                  exceptions.authenticationEntryPoint(
                      new LoginUrlAuthenticationEntryPoint("/login")));
      return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain providerLogin(HttpSecurity http) throws Exception {
      http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .formLogin(Customizer.withDefaults());
      return http.build();
    }

    @Bean
    UserDetailsService providerUsers() {
      InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
      USERS.forEach(
          (name, groups) ->
              users.createUser(
                  User.withUsername(name)
                      .password("{noop}" + PASSWORD)
                      .authorities(
                          groups.stream()
                              .map(group -> "GROUP_" + group)
                              .toList()
                              .toArray(String[]::new))
                      .build()));
      return users;
    }

    @Bean
    RegisteredClientRepository registeredClients() {
      // Spring's in-memory repository needs one client to start with; the Launchpad's comes later.
      return new InMemoryRegisteredClientRepository(
          RegisteredClient.withId("placeholder")
              .clientId("placeholder")
              .clientSecret("{noop}placeholder")
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .build());
    }

    /** ID tokens carry the person's groups and user name, and the lifetime the test asks for. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsInIdTokens() {
      return context -> {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
          return;
        }
        List<String> groups =
            context.getPrincipal().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring("GROUP_".length()))
                .toList();
        context
            .getClaims()
            .claim("groups", groups)
            .claim("preferred_username", context.getPrincipal().getName())
            .expiresAt(Instant.now().plus(idTokenLifetime));
      };
    }

    @Bean
    SessionRegistry sessionRegistry() {
      return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
      return new HttpSessionEventPublisher();
    }
  }
}
