package org.registrysecrets.server.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads SAP's scopes (with or without an {@code <xsappname>.} prefix) as authorities, and the
 * tenant from the configured claim. A token without a tenant is refused.
 */
public class TenantJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  /** One authority per scope, shared: they are immutable, and each new one checks its text. */
  private static final Map<String, GrantedAuthority> AUTHORITIES =
      Scopes.ALL.stream()
          .collect(Collectors.toUnmodifiableMap(scope -> scope, SimpleGrantedAuthority::new));

  /** The claims that name who acts, most specific first. */
  private static final List<String> ACTOR_CLAIMS = List.of("user_name", "client_id", "azp", "sub");

  private final String tenantClaim;

  public TenantJwtConverter(String tenantClaim) {
    this.tenantClaim = tenantClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String tenant = Claims.string(jwt, tenantClaim);
    if (tenant == null || !TenantId.isValid(tenant)) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_TOKEN,
              "The token does not name a tenant in the claim " + tenantClaim,
              null));
    }
    return new TenantAuthentication(jwt, authorities(jwt), TenantId.of(tenant), actor(jwt));
  }

  /** Loops, not streams: this runs on every request. */
  private static List<GrantedAuthority> authorities(Jwt jwt) {
    List<GrantedAuthority> authorities = new ArrayList<>(AUTHORITIES.size());
    for (Object granted : grantedScopes(jwt)) {
      String scope = Scopes.normalize(String.valueOf(granted));
      GrantedAuthority authority = scope == null ? null : AUTHORITIES.get(scope);
      if (authority != null && !authorities.contains(authority)) {
        authorities.add(authority);
      }
    }
    return authorities;
  }

  private static Collection<?> grantedScopes(Jwt jwt) {
    Object claim = jwt.getClaims().get("scope");
    if (claim == null) {
      claim = jwt.getClaims().get("scp");
    }
    if (claim instanceof String text) {
      return List.of(text.split(" "));
    }
    if (claim instanceof Collection<?> values) {
      return values;
    }
    return List.of();
  }

  private static String actor(Jwt jwt) {
    for (String claim : ACTOR_CLAIMS) {
      @Nullable String value = Claims.string(jwt, claim);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "unknown";
  }
}
