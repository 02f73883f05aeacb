package org.registrysecrets.server.issuer;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.security.Scopes;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Presents active service keys to the authorization server as client-credentials clients that
 * authenticate with HTTP Basic or form parameters, as SAP's SDKs do.
 */
class ServiceKeyClients implements RegisteredClientRepository {

  static final String TENANT = "registrysecrets.tenant";
  static final String ROLE = "registrysecrets.role";

  private final ServiceKeyService serviceKeys;
  private final IssuerProperties properties;

  ServiceKeyClients(ServiceKeyService serviceKeys, IssuerProperties properties) {
    this.serviceKeys = serviceKeys;
    this.properties = properties;
  }

  @Override
  public void save(RegisteredClient client) {
    // Only a re-hashed secret can come back here; keys are created through ServiceKeyService.
    String secret = client.getClientSecret();
    if (secret != null) {
      serviceKeys.updateSecretHash(client.getClientId(), secret);
    }
  }

  @Override
  public @Nullable RegisteredClient findById(String id) {
    return findByClientId(id);
  }

  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    return serviceKeys.findActive(clientId).map(this::toClient).orElse(null);
  }

  private RegisteredClient toClient(ServiceKeyRecord key) {
    return RegisteredClient.withId(key.clientId())
        .clientId(key.clientId())
        .clientSecret(key.secretHash())
        .clientIdIssuedAt(key.createdAt())
        .clientName(key.description().isEmpty() ? key.clientId() : key.description())
        .clientAuthenticationMethods(
            methods ->
                methods.addAll(
                    Set.of(
                        ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                        ClientAuthenticationMethod.CLIENT_SECRET_POST)))
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(scopes -> scopes.addAll(Scopes.ofRole(key.role())))
        .clientSettings(
            ClientSettings.builder()
                .setting(TENANT, key.tenant())
                .setting(ROLE, key.role().wireName())
                .build())
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(properties.tokenTtl())
                .build())
        .build();
  }
}
