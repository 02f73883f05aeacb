package org.registrysecrets.server.issuer;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. Client-credentials tokens are self-contained JWTs, revocation
 * works per service key, and the default in-memory store would grow with every token and differ
 * between replicas.
 */
class StatelessAuthorizationService implements OAuth2AuthorizationService {

  @Override
  public void save(OAuth2Authorization authorization) {}

  @Override
  public void remove(OAuth2Authorization authorization) {}

  @Override
  public @Nullable OAuth2Authorization findById(String id) {
    return null;
  }

  @Override
  public @Nullable OAuth2Authorization findByToken(
      String token, @Nullable OAuth2TokenType tokenType) {
    return null;
  }
}
