package org.registrysecrets.server.launchpad.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.CONNECTIONS_VIEWER;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.SECRETS_EDITOR;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.SECRETS_VIEWER;
import static org.registrysecrets.server.support.LaunchpadSession.encode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.client.ApiException;
import org.registrysecrets.server.audit.AuditEvent;
import org.registrysecrets.server.audit.AuditLog;
import org.registrysecrets.server.audit.LaunchpadAuditLog;
import org.registrysecrets.server.launchpad.users.LaunchpadUserService;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.LaunchpadSession;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import tools.jackson.databind.JsonNode;

/**
 * On the built-in connection the Launchpad acts as the person: the API authorizes them with their
 * roles' scopes and its audit trail names them; on a remote connection the Launchpad names them.
 */
class PersonalAccessTests extends ServerTestBase {

  private static final String PASSWORD = "personal-access-password";

  @Autowired ConnectionService connections;
  @Autowired LaunchpadUserService users;
  @Autowired AuditLog audit;
  @Autowired LaunchpadAuditLog launchpadAudit;

  @Test
  void theAuditTrailNamesThePersonWhoChangedASecretInTheLaunchpad() throws Exception {
    String user = newUser(SECRETS_EDITOR);
    String secret = TestData.uniqueName("by-person");
    LaunchpadSession session = LaunchpadSession.login(port, user, PASSWORD);

    session.post("/launchpad/secrets/add", addForm(secret, "person-password-1"));
    session.post(
        "/launchpad/secrets/" + secret + "/edit",
        "secret=" + encode(TestData.dockerConfig("r.io", "u", "person-password-2")));
    String history = session.get("/launchpad/secrets/" + secret + "/history");

    List<AuditEvent> events =
        audit.recent(TenantId.DEFAULT, 500).stream()
            .filter(event -> event.secretName().equals(secret))
            .toList();
    assertThat(events)
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::origin)
        .containsExactly(tuple("modify", user, "launchpad"), tuple("create", user, "launchpad"));
    assertThat(history).contains(user + " (Launchpad)").contains("modify").contains("create");
    assertThat(events.toString() + history)
        .doesNotContain("person-password-1")
        .doesNotContain("person-password-2");
  }

  @Test
  void aViewersTokenOnlyReadsSoTheApiItselfRefusesTheirChanges() {
    Authentication viewer =
        UsernamePasswordAuthenticationToken.authenticated(
            "viewer-" + UUID.randomUUID(),
            null,
            List.of(new SimpleGrantedAuthority(SECRETS_VIEWER)));

    ActingClient client = connections.client(ConnectionService.LOCAL, viewer);

    assertThat(client.personal()).isTrue();
    assertThat(claims(client.api().tokens().token()).get("scope").toString())
        .isEqualTo("[\"aicore.dockerregistrysecret.credentials.read\"]");
    assertThat(client.api().list(null, null, false)).isNotNull();
    String forbidden = TestData.uniqueName("forbidden");
    assertThatThrownBy(
            () -> client.api().create(forbidden, TestData.dockerConfig("r.io", "u", "p")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void onARemoteConnectionTheLaunchpadRecordsThePerson() throws Exception {
    String tenant = "remote-" + UUID.randomUUID();
    ServiceKey key = serviceKey(tenant, "editor");
    String connection = "remote-" + UUID.randomUUID().toString().substring(0, 8);
    String self = "http://127.0.0.1:" + port;
    connections.create(
        new ConnectionForm(connection, self, self, key.clientid(), key.clientsecret()));
    String user = newUser(SECRETS_EDITOR, CONNECTIONS_VIEWER);
    LaunchpadSession session = LaunchpadSession.login(port, user, PASSWORD);
    session.post("/launchpad/workspaces/" + connection + "/select", "");
    String secret = TestData.uniqueName("remote");

    session.post("/launchpad/secrets/add", addForm(secret, "remote-password"));
    session.post("/launchpad/secrets/add", addForm(secret, "remote-password"));

    assertThat(audit.recent(TenantId.of(tenant), 10))
        .hasSize(2)
        .allSatisfy(event -> assertThat(event.actor()).isEqualTo(key.clientid()));
    assertThat(launchpadAudit.ofSecret(connection, secret, 10))
        .extracting(e -> e.username() + " " + e.action() + " " + e.outcome())
        .containsExactly(user + " create AlreadyExists", user + " create success");
    assertThat(session.get("/launchpad/secrets/" + secret + "/history"))
        .contains(user + " (Launchpad)")
        .doesNotContain("remote-password");
  }

  private String newUser(String... roles) {
    String name = "person-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, List.of(roles), false);
    return name;
  }

  private static String addForm(String name, String password) {
    return "name=" + name + "&secret=" + encode(TestData.dockerConfig("r.io", "u", password));
  }

  private static JsonNode claims(String jwt) {
    byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
    return ApiClient.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
  }
}
