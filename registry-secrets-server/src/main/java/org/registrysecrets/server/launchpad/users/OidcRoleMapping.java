package org.registrysecrets.server.launchpad.users;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.launchpad.LaunchpadLoginProperties;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a person the provider signed in into a Launchpad user: their groups (the configured claim,
 * read at every sign-in) mapped to Launchpad roles, and their user name. Someone whose groups map
 * to no role is refused.
 */
final class OidcRoleMapping implements OAuth2UserService<OidcUserRequest, OidcUser> {

  /** The error code of a sign-in refused for lack of roles. */
  static final String NO_ROLES = "no_launchpad_roles";

  private final LaunchpadLoginProperties.Oidc oidc;
  private final OidcUserService provider = new OidcUserService();

  OidcRoleMapping(LaunchpadLoginProperties.Oidc oidc) {
    this.oidc = oidc;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser person = provider.loadUser(request);
    return withRoles(person.getIdToken(), person.getUserInfo());
  }

  /**
   * The Launchpad user for an ID token (and the provider's user info, if read): its groups mapped
   * to roles, its user name.
   *
   * @throws OAuth2AuthenticationException with {@link #NO_ROLES} if no group maps to a role
   */
  OidcUser withRoles(OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
    DefaultOidcUser claims =
        new DefaultOidcUser(List.of(), idToken, userInfo, IdTokenClaims.SUBJECT);
    Set<String> roles = new LinkedHashSet<>();
    for (String group : IdTokenClaims.values(claims.getClaims(), oidc.rolesClaim())) {
      roles.addAll(oidc.roleMapping().getOrDefault(group, List.of()));
    }
    if (roles.isEmpty()) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              NO_ROLES, "None of the person's groups is mapped to a Launchpad role", null));
    }
    String nameClaim =
        claims.getClaims().get(oidc.userNameClaim()) instanceof String
            ? oidc.userNameClaim()
            : IdTokenClaims.SUBJECT;
    return new DefaultOidcUser(
        roles.stream().map(SimpleGrantedAuthority::new).toList(), idToken, userInfo, nameClaim);
  }
}
