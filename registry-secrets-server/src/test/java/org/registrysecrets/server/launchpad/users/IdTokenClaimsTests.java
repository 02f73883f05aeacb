package org.registrysecrets.server.launchpad.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.launchpad.LaunchpadLoginProperties;

/** Groups from the claims providers actually send, and the checks on the sign-in settings. */
class IdTokenClaimsTests {

  @Test
  void readsFlatNestedAndDottedClaimNames() {
    Map<String, Object> keycloak = Map.of("groups", List.of("editors", "staff"));
    Map<String, Object> xsuaa =
        Map.of(
            "xs.system.attributes",
            Map.of("xs.rolecollections", List.of("AI Launchpad Secrets Editor")));
    Map<String, Object> entra = Map.of("roles", "Registry.Editor");
    Map<String, Object> nested = Map.of("realm_access", Map.of("roles", List.of("editor", 7)));

    assertThat(IdTokenClaims.values(keycloak, "groups")).containsExactly("editors", "staff");
    assertThat(IdTokenClaims.values(xsuaa, "xs.system.attributes.xs.rolecollections"))
        .containsExactly("AI Launchpad Secrets Editor");
    assertThat(IdTokenClaims.values(entra, "roles")).containsExactly("Registry.Editor");
    assertThat(IdTokenClaims.values(nested, "realm_access.roles")).containsExactly("editor");
    assertThat(IdTokenClaims.values(keycloak, "groups.more")).isEmpty();
    assertThat(IdTokenClaims.values(keycloak, "missing")).isEmpty();
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThatThrownBy(() -> oidc(true, "https://idp.example.com", Map.of("g", List.of("boss"))))
        .hasMessageContaining("unknown role boss");
    assertThatThrownBy(() -> oidc(true, null, Map.of()))
        .hasMessageContaining("issuer-uri and client-id");
    assertThatThrownBy(() -> new LaunchpadLoginProperties(false, oidc(false, null, Map.of())))
        .hasMessageContaining("nobody could sign in");
    assertThat(oidc(false, null, Map.of("g", List.of("boss"))).enabled()).isFalse();
  }

  private static LaunchpadLoginProperties.Oidc oidc(
      boolean enabled, String issuer, Map<String, List<String>> mapping) {
    return new LaunchpadLoginProperties.Oidc(
        enabled,
        "sso",
        "SSO",
        issuer,
        "client",
        null,
        List.of("openid"),
        "preferred_username",
        "groups",
        mapping);
  }
}
