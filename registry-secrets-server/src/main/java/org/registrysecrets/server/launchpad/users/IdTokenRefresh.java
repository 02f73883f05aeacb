package org.registrysecrets.server.launchpad.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Renews an expired sign-in with the provider's refresh token, as long as the provider issues one
 * and answers with a new ID token; the person's groups are read again from it. Without a refresh
 * token, or if the provider refuses, the session ends.
 */
final class IdTokenRefresh {

  private static final Logger log = LoggerFactory.getLogger(IdTokenRefresh.class);

  private final OAuth2AuthorizedClientRepository authorizedClients;
  private final OidcRoleMapping roles;
  private final RestClientRefreshTokenTokenResponseClient tokenEndpoint =
      new RestClientRefreshTokenTokenResponseClient();
  private final OidcIdTokenDecoderFactory idTokens = new OidcIdTokenDecoderFactory();

  IdTokenRefresh(OAuth2AuthorizedClientRepository authorizedClients, OidcRoleMapping roles) {
    this.authorizedClients = authorizedClients;
    this.roles = roles;
  }

  /** The renewed sign-in, stored with the session; empty if it cannot be renewed. */
  Optional<OAuth2AuthenticationToken> refresh(
      OAuth2AuthenticationToken signIn, HttpServletRequest request, HttpServletResponse response) {
    OAuth2AuthorizedClient client =
        authorizedClients.loadAuthorizedClient(
            signIn.getAuthorizedClientRegistrationId(), signIn, request);
    if (client == null
        || client.getRefreshToken() == null
        || !(signIn.getPrincipal() instanceof OidcUser person)) {
      return Optional.empty();
    }
    try {
      ClientRegistration registration = client.getClientRegistration();
      OAuth2AccessTokenResponse tokens =
          tokenEndpoint.getTokenResponse(
              new OAuth2RefreshTokenGrantRequest(
                  registration, client.getAccessToken(), client.getRefreshToken()));
      Map<String, Object> extra = tokens.getAdditionalParameters();
      if (!(extra.get(OidcParameterNames.ID_TOKEN) instanceof String idTokenValue)) {
        return Optional.empty();
      }
      Jwt jwt = idTokens.createDecoder(registration).decode(idTokenValue);
      OidcUser renewed =
          roles.withRoles(
              new OidcIdToken(
                  jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims()),
              person.getUserInfo());
      OAuth2AuthenticationToken renewedSignIn =
          new OAuth2AuthenticationToken(
              renewed, renewed.getAuthorities(), signIn.getAuthorizedClientRegistrationId());
      authorizedClients.saveAuthorizedClient(
          new OAuth2AuthorizedClient(
              registration,
              renewed.getName(),
              tokens.getAccessToken(),
              tokens.getRefreshToken() != null
                  ? tokens.getRefreshToken()
                  : client.getRefreshToken()),
          renewedSignIn,
          request,
          response);
      return Optional.of(renewedSignIn);
    } catch (RuntimeException e) {
      log.info("Could not renew {}'s sign-in: {}", signIn.getName(), e.getClass().getSimpleName());
      return Optional.empty();
    }
  }
}
