package org.registrysecrets.server.launchpad;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.Identifiers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in to the Launchpad: the built-in users' form, an OpenID Connect provider, or
 * both.
 *
 * @param formLogin whether built-in users may sign in with the form
 */
@ConfigurationProperties("regsecrets.launchpad")
public record LaunchpadLoginProperties(
    @DefaultValue("true") boolean formLogin, @DefaultValue Oidc oidc) {

  public LaunchpadLoginProperties {
    if (!formLogin && !oidc.enabled()) {
      throw new IllegalArgumentException(
          "regsecrets.launchpad.form-login=false needs regsecrets.launchpad.oidc.enabled=true:"
              + " nobody could sign in.");
    }
  }

  /**
   * Sign-in through an OpenID Connect provider (authorization code with PKCE).
   *
   * @param id the registration id: in the callback URL {@code /login/oauth2/code/<id>} and as the
   *     {@code origin} of the people it signs in, in the audit trail
   * @param displayName shown as "Sign in with …"
   * @param issuerUri the provider's issuer; its metadata is read at the first sign-in, not at
   *     start, so that a provider that is down does not stop the server
   * @param rolesClaim the claim that lists the person's groups; a dotted path reaches into objects,
   *     e.g. XSUAA's {@code xs.system.attributes.xs.rolecollections}
   * @param roleMapping group name → Launchpad roles; a person whose groups map to no role is not
   *     let in
   */
  public record Oidc(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("sso") String id,
      @DefaultValue("single sign-on") String displayName,
      @Nullable String issuerUri,
      @Nullable String clientId,
      @Nullable String clientSecret,
      @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
      @DefaultValue("preferred_username") String userNameClaim,
      @DefaultValue("groups") String rolesClaim,
      @DefaultValue Map<String, List<String>> roleMapping) {

    public Oidc {
      scopes = List.copyOf(scopes);
      roleMapping = Map.copyOf(roleMapping);
      if (enabled) {
        if (issuerUri == null || issuerUri.isBlank() || clientId == null || clientId.isBlank()) {
          throw new IllegalArgumentException(
              "regsecrets.launchpad.oidc needs issuer-uri and client-id when enabled.");
        }
        if (!Identifiers.isPlain(id, 32)) {
          throw new IllegalArgumentException(
              "regsecrets.launchpad.oidc.id is 1 to 32 letters, digits, '-', '_' or '.'.");
        }
        roleMapping.forEach(
            (group, roles) -> {
              for (String role : roles) {
                if (!LaunchpadRoles.ALL.contains(role)) {
                  throw new IllegalArgumentException(
                      "regsecrets.launchpad.oidc.role-mapping of "
                          + group
                          + " names the unknown role "
                          + role
                          + "; roles are "
                          + LaunchpadRoles.ALL
                          + ".");
                }
              }
            });
      }
    }

    /** The client secret, or none for a public client. */
    public String secret() {
      return clientSecret == null ? "" : clientSecret;
    }
  }
}
