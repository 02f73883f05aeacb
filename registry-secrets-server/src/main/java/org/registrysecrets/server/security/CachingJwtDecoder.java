package org.registrysecrets.server.security;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, until they expire: SDKs reuse one token for its
 * whole lifetime, and the signature check is the expensive part. The cheap checks (expiry, issuer,
 * audience, revocation) still run on every request. The key is the token itself, which the cached
 * {@link Jwt} holds anyway: hashing a 1.3 KB token on every request cost more than the lookup.
 */
public final class CachingJwtDecoder implements JwtDecoder {

  private static final int MAX_ENTRIES = 10_000;

  private final JwtDecoder verifying;
  private final OAuth2TokenValidator<Jwt> validator;
  private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

  /**
   * @param verifying checks signature and claims
   * @param validator the claim checks, run again on every cached token
   */
  public CachingJwtDecoder(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validator) {
    this.verifying = verifying;
    this.validator = validator;
  }

  @Override
  public Jwt decode(String token) {
    Jwt cached = verified.get(token);
    if (cached != null) {
      OAuth2TokenValidatorResult result = validator.validate(cached);
      if (!result.hasErrors()) {
        return cached;
      }
      verified.remove(token);
      throw new JwtValidationException("The token is no longer valid", result.getErrors());
    }
    Jwt jwt = verifying.decode(token);
    if (jwt.getExpiresAt() != null) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(token, jwt);
    }
    return jwt;
  }
}
