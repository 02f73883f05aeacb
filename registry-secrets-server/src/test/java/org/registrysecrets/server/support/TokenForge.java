package org.registrysecrets.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs tokens the issuer would never issue (expired, foreign audience, odd scopes), with the
 * server's own key from its data folder or with a stranger's key.
 */
public final class TokenForge {

  private final RSAKey key;

  private TokenForge(RSAKey key) {
    this.key = key;
  }

  public static TokenForge withServerKey(Path dataDir) {
    try {
      return new TokenForge(
          RSAKey.parse(Files.readString(dataDir.resolve("issuer-signing-key.json"))));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TokenForge withStrangerKey() {
    try {
      return new TokenForge(new RSAKeyGenerator(2048).keyID("stranger").generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Claims like the issuer's, for {@code tenant} with {@code scopes}, valid for an hour, naming
   * {@code clientId} (the embedded issuer refuses tokens of clients it does not know).
   */
  public static JWTClaimsSet.Builder claims(
      String issuer, String clientId, String tenant, List<String> scopes) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(clientId)
        .audience("registry-secrets")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .jwtID(UUID.randomUUID().toString())
        .claim("zid", tenant)
        .claim("client_id", clientId)
        .claim("scope", scopes);
  }

  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
