package org.registrysecrets.server.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

  private final String tenantClaim;

  public TenantJwtConverter(String tenantClaim) {
    this.tenantClaim = tenantClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String tenant = jwt.getClaimAsString(tenantClaim);
    if (tenant == null || !TenantId.isValid(tenant)) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_TOKEN,
              "The token does not name a tenant in the claim " + tenantClaim,
              null));
    }
    return new TenantAuthentication(jwt, authorities(jwt), TenantId.of(tenant), actor(jwt));
  }

  private static Collection<GrantedAuthority> authorities(Jwt jwt) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String granted : grantedScopes(jwt)) {
      String scope = Scopes.normalize(granted);
      if (scope != null) {
        scopes.add(scope);
      }
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope)));
    return authorities;
  }

  private static List<String> grantedScopes(Jwt jwt) {
    Object claim = jwt.getClaims().get("scope");
    if (claim == null) {
      claim = jwt.getClaims().get("scp");
    }
    if (claim instanceof String text) {
      return List.of(text.split(" "));
    }
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static String actor(Jwt jwt) {
    for (String claim : List.of("user_name", "client_id", "azp", "sub")) {
      @Nullable String value = jwt.getClaimAsString(claim);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "unknown";
  }
}
