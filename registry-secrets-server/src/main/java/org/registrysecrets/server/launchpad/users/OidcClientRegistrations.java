package org.registrysecrets.server.launchpad.users;

import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.launchpad.LaunchpadLoginProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The one OpenID Connect provider, read from its metadata at the first sign-in rather than at
 * start: a provider that is down must not stop the server or the built-in login. A failed read is
 * tried again at the next sign-in; a successful one is kept.
 */
final class OidcClientRegistrations implements ClientRegistrationRepository {

  private final LaunchpadLoginProperties.Oidc oidc;
  private volatile @Nullable ClientRegistration resolved;

  OidcClientRegistrations(LaunchpadLoginProperties.Oidc oidc) {
    this.oidc = oidc;
  }

  @Override
  public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
    return oidc.id().equals(registrationId) ? resolve() : null;
  }

  /**
   * @throws ProviderUnavailableException if the provider's metadata cannot be read or does not
   *     match the configuration
   */
  ClientRegistration resolve() {
    ClientRegistration current = resolved;
    if (current != null) {
      return current;
    }
    String issuer = String.valueOf(oidc.issuerUri());
    try {
      current =
          ClientRegistrations.fromOidcIssuerLocation(issuer)
              .registrationId(oidc.id())
              .clientName(oidc.displayName())
              .clientId(String.valueOf(oidc.clientId()))
              .clientSecret(oidc.secret())
              .clientAuthenticationMethod(
                  oidc.secret().isEmpty()
                      ? ClientAuthenticationMethod.NONE
                      : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .scope(oidc.scopes())
              .userNameAttributeName(IdTokenClaims.SUBJECT)
              .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
              .build();
    } catch (RuntimeException e) {
      throw new ProviderUnavailableException(issuer, e);
    }
    resolved = current;
    return current;
  }

  /** The provider's metadata could not be read, or it names another issuer. */
  static final class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ProviderUnavailableException(String issuer, RuntimeException cause) {
      super(
          "The provider's metadata could not be read from "
              + issuer
              + "/.well-known/openid-configuration ("
              + cause.getClass().getSimpleName()
              + ")",
          cause);
    }
  }
}
