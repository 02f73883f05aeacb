package org.registrysecrets.server.issuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.registrysecrets.server.instance.PublicUrl;
import org.registrysecrets.server.security.Scopes;
import org.registrysecrets.server.security.SecurityProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Mints short-lived API tokens for one person acting through a service key of this issuer (the
 * Launchpad's {@code local} connection): the key's tenant, the person's user name and origin, and
 * the scopes the person's roles give, never more than the key's own. A revoked key's personal
 * tokens are refused like the key's own.
 */
public final class PersonalTokens {

  private final JwtEncoder encoder;
  private final String keyId;
  private final PublicUrl publicUrl;
  private final SecurityProperties security;
  private final ServiceKeyService serviceKeys;
  private final Duration lifetime;
  private final Clock clock = Clock.systemUTC();

  PersonalTokens(
      JwtEncoder encoder,
      String keyId,
      PublicUrl publicUrl,
      SecurityProperties security,
      ServiceKeyService serviceKeys,
      Duration lifetime) {
    this.encoder = encoder;
    this.keyId = keyId;
    this.publicUrl = publicUrl;
    this.security = security;
    this.serviceKeys = serviceKeys;
    this.lifetime = lifetime;
  }

  /**
   * A token for {@code person} through the service key {@code clientId}, or empty if that key is
   * unknown or revoked.
   *
   * @param scopes what the person's roles allow; scopes the key lacks are dropped
   */
  public Optional<String> mint(String clientId, Person person, Collection<String> scopes) {
    return serviceKeys.findActive(clientId).map(key -> mint(key, person, scopes));
  }

  /**
   * Who a personal token speaks for.
   *
   * @param subject the person's stable id where they signed in (the provider's {@code sub}, or the
   *     built-in user name)
   * @param userName the name the audit trail shows
   * @param origin where they signed in: {@code launchpad} or the provider's id
   */
  public record Person(String subject, String userName, String origin) {}

  private String mint(ServiceKeyRecord key, Person person, Collection<String> scopes) {
    List<String> granted = new ArrayList<>(scopes);
    granted.retainAll(Scopes.ofRole(key.role()));
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(publicUrl.get())
            .subject(person.subject())
            .issuedAt(now)
            .notBefore(now)
            .expiresAt(now.plus(lifetime))
            .id(UUID.randomUUID().toString())
            .claim(security.tenantClaim(), key.tenant())
            .claim("client_id", key.clientId())
            .claim("user_name", person.userName())
            .claim("origin", person.origin())
            .claim("scope", granted);
    if (!security.audience().isEmpty()) {
      claims.audience(List.of(security.audience().get(0)));
    }
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }
}
