package org.registrysecrets.server.security;

import java.util.Collection;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated token with the tenant and actor it speaks for. */
public class TenantAuthentication extends JwtAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final TenantId tenant;
  private final String actor;

  TenantAuthentication(
      Jwt jwt, Collection<? extends GrantedAuthority> authorities, TenantId tenant, String actor) {
    super(jwt, authorities, actor);
    this.tenant = tenant;
    this.actor = actor;
  }

  public TenantId tenant() {
    return tenant;
  }

  public String actor() {
    return actor;
  }

  /** The token's {@code origin} claim (who signed the person in), else {@link Caller#API}. */
  public String origin() {
    String origin = Claims.string(getToken(), "origin");
    return origin == null || origin.isBlank() ? Caller.API : origin;
  }
}
