package org.registrysecrets.server.security;

import java.util.concurrent.ConcurrentHashMap;
import org.registrysecrets.server.crypto.Sha256;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, by a hash of the token, until they expire: SDKs
 * reuse one token for its whole lifetime, and the signature check is the expensive part. The cheap
 * checks (expiry, issuer, audience, revocation) still run on every request.
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
    String key = Sha256.hex(token);
    Jwt cached = verified.get(key);
    if (cached != null) {
      OAuth2TokenValidatorResult result = validator.validate(cached);
      if (!result.hasErrors()) {
        return cached;
      }
      verified.remove(key);
      throw new JwtValidationException("The token is no longer valid", result.getErrors());
    }
    Jwt jwt = verifying.decode(token);
    if (jwt.getExpiresAt() != null) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(key, jwt);
    }
    return jwt;
  }
}
