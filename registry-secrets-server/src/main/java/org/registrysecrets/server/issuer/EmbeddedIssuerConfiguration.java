package org.registrysecrets.server.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.registrysecrets.api.ServiceKeyRole;
import org.registrysecrets.server.instance.DataDirectory;
import org.registrysecrets.server.instance.InstanceProperties;
import org.registrysecrets.server.instance.PublicUrl;
import org.registrysecrets.server.security.ApiTokenValidators;
import org.registrysecrets.server.security.CachingJwtDecoder;
import org.registrysecrets.server.security.Scopes;
import org.registrysecrets.server.security.SecurityProperties;
import org.registrysecrets.server.security.Stateless;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The embedded issuer (on unless {@code regsecrets.issuer.enabled=false}): the client-credentials
 * grant at {@code /oauth/token} for service keys, RS256 tokens carrying the tenant and the role's
 * scopes, and the decoder the API checks them with.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "regsecrets.issuer.enabled", matchIfMissing = true)
class EmbeddedIssuerConfiguration {

  static final String TOKEN_ENDPOINT = "/oauth/token";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain issuerSecurityFilterChain(
      HttpSecurity http,
      RegisteredClientRepository clients,
      OAuth2AuthorizationService authorizations,
      AuthorizationServerSettings settings)
      throws Exception {
    ClientSecretHasher hasher = new ClientSecretHasher();
    OAuth2AuthorizationServerConfigurer authorizationServer =
        new OAuth2AuthorizationServerConfigurer();
    // Revocation and introspection would need stored tokens, and this issuer keeps none (its tokens
    // are self-contained; revoking the service key stops them): they are left out, so they answer
    // 404 like any unknown path rather than pretending to work.
    RequestMatcher endpoints = authorizationServer.getEndpointsMatcher();
    Set<String> leftOut =
        Set.of(settings.getTokenRevocationEndpoint(), settings.getTokenIntrospectionEndpoint());
    http.securityMatcher(
            request -> endpoints.matches(request) && !leftOut.contains(request.getServletPath()))
        .with(
            authorizationServer,
            server ->
                server
                    .registeredClientRepository(clients)
                    .authorizationService(authorizations)
                    .authorizationServerSettings(settings)
                    .clientAuthentication(
                        clientAuthentication ->
                            clientAuthentication.authenticationProviders(
                                providers ->
                                    providers.forEach(
                                        provider -> {
                                          if (provider
                                              instanceof
                                              ClientSecretAuthenticationProvider secrets) {
                                            secrets.setPasswordEncoder(hasher);
                                          }
                                        }))))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
    return Stateless.apply(http).build();
  }

  /** The metadata names the configured public URL as issuer; without one, the request's origin. */
  @Bean
  AuthorizationServerSettings authorizationServerSettings(InstanceProperties instance) {
    AuthorizationServerSettings.Builder settings =
        AuthorizationServerSettings.builder().tokenEndpoint(TOKEN_ENDPOINT);
    String publicUrl = instance.publicUrl();
    if (publicUrl != null && !publicUrl.isBlank()) {
      settings.issuer(PublicUrl.normalize(publicUrl));
    }
    return settings.build();
  }

  @Bean
  JdbcServiceKeyRepository serviceKeyRepository(JdbcClient jdbc) {
    return new JdbcServiceKeyRepository(jdbc);
  }

  @Bean
  RevocationCache revocationCache(JdbcServiceKeyRepository keys, IssuerProperties properties) {
    return new RevocationCache(keys, properties.revocationCacheTtl());
  }

  @Bean
  ServiceKeyService serviceKeyService(
      JdbcServiceKeyRepository keys, PublicUrl publicUrl, RevocationCache revocations) {
    return new ServiceKeyService(keys, new ClientSecretHasher(), publicUrl, revocations);
  }

  @Bean
  RevocationFeed revocationFeed(RevocationCache revocations, IssuerProperties properties) {
    return new RevocationFeed(revocations, properties.revocationPoll());
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(
      ServiceKeyService serviceKeys, IssuerProperties properties) {
    return new ServiceKeyClients(serviceKeys, properties);
  }

  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new StatelessAuthorizationService();
  }

  @Bean
  RSAKey issuerSigningKey(DataDirectory dataDirectory) {
    return SigningKeyStore.loadOrCreate(dataDirectory);
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(RSAKey issuerSigningKey) {
    return new ImmutableJWKSet<>(new JWKSet(issuerSigningKey));
  }

  /** Tokens name this instance as issuer, the API as audience, the tenant and the role's scopes. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> serviceKeyTokenClaims(
      PublicUrl publicUrl, SecurityProperties security) {
    return context -> {
      if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
        return;
      }
      RegisteredClient client = context.getRegisteredClient();
      String tenant = client.getClientSettings().getSetting(ServiceKeyClients.TENANT);
      String role = client.getClientSettings().getSetting(ServiceKeyClients.ROLE);
      List<String> scopes =
          context.getAuthorizedScopes().isEmpty()
              ? Scopes.ofRole(role == null ? ServiceKeyRole.VIEWER : ServiceKeyRole.of(role))
              : List.copyOf(context.getAuthorizedScopes());
      context
          .getClaims()
          .issuer(publicUrl.get())
          .audience(security.audience().isEmpty() ? List.of() : List.of(security.audience().get(0)))
          .id(UUID.randomUUID().toString())
          .claim(security.tenantClaim(), tenant == null ? "" : tenant)
          .claim("client_id", client.getClientId())
          .claim("scope", scopes);
    };
  }

  @Bean
  PersonalTokens personalTokens(
      JWKSource<SecurityContext> jwkSource,
      RSAKey issuerSigningKey,
      PublicUrl publicUrl,
      SecurityProperties security,
      ServiceKeyService serviceKeys,
      IssuerProperties properties) {
    return new PersonalTokens(
        new NimbusJwtEncoder(jwkSource),
        issuerSigningKey.getKeyID(),
        publicUrl,
        security,
        serviceKeys,
        properties.personalTokenTtl());
  }

  @Bean
  JwtDecoder embeddedIssuerJwtDecoder(
      RSAKey issuerSigningKey,
      PublicUrl publicUrl,
      SecurityProperties security,
      RevocationCache revocations)
      throws JOSEException {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey(issuerSigningKey.toRSAPublicKey()).build();
    var validator = ApiTokenValidators.create(security, publicUrl::get, revocations);
    decoder.setJwtValidator(validator);
    return new CachingJwtDecoder(decoder, validator);
  }
}
