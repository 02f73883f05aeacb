package org.registrysecrets.server.launchpad.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.SECRETS_EDITOR;
import static org.registrysecrets.server.launchpad.LaunchpadRoles.SECRETS_VIEWER;
import static org.registrysecrets.server.support.LaunchpadSession.encode;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.audit.AuditLog;
import org.registrysecrets.server.support.LaunchpadSession;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A session lives only as long as the user store agrees: removing a user, changing their roles or
 * their password ends their sessions on the next request; a session without login sends the whole
 * page to the login page, also from an htmx fragment request.
 */
class SessionFollowsUserStoreTests extends ServerTestBase {

  private static final String PASSWORD = "session-test-password";

  @Autowired LaunchpadUserService users;
  @Autowired AuditLog audit;

  @Test
  void aRemovedUsersOpenSessionIsRefusedAndChangesNothing() throws Exception {
    String name = newUser(List.of(SECRETS_EDITOR));
    LaunchpadSession session = LaunchpadSession.login(port, name, PASSWORD);
    assertThat(session.getResponse("/launchpad/secrets/tiles").statusCode()).isEqualTo(200);

    users.remove(name);
    HttpResponse<String> attempt = session.postResponse("/launchpad/secrets/add", addForm(name));

    assertThatSentToLogin(attempt);
    assertThat(audit.recent(TenantId.DEFAULT, 200))
        .noneMatch(event -> event.secretName().equals(name) || event.actor().equals(name));
    assertThat(session.getResponse("/launchpad/secrets/tiles").headers().firstValue("HX-Redirect"))
        .hasValue("/login");
  }

  @Test
  void aUserWhoseRolesWereReducedMustSignInAgain() throws Exception {
    String name = newUser(List.of(SECRETS_EDITOR));
    LaunchpadSession session = LaunchpadSession.login(port, name, PASSWORD);

    users.updateRoles(name, List.of(SECRETS_VIEWER));
    HttpResponse<String> attempt = session.postResponse("/launchpad/secrets/add", addForm(name));

    assertThatSentToLogin(attempt);
    assertThat(audit.recent(TenantId.DEFAULT, 200))
        .noneMatch(event -> event.secretName().equals(name));
    LaunchpadSession again = LaunchpadSession.login(port, name, PASSWORD);
    assertThat(again.getResponse("/launchpad/secrets/tiles").statusCode()).isEqualTo(200);
    assertThat(again.postResponse("/launchpad/secrets/add", addForm(name)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aPasswordChangeEndsTheUsersOtherSessions() throws Exception {
    String name = newUser(List.of(SECRETS_VIEWER));
    LaunchpadSession laptop = LaunchpadSession.login(port, name, PASSWORD);
    LaunchpadSession phone = LaunchpadSession.login(port, name, PASSWORD);
    LaunchpadSession tablet = LaunchpadSession.login(port, name, PASSWORD);
    String newPassword = "a-new-password-" + UUID.randomUUID();

    HttpResponse<String> changed =
        laptop.postResponse(
            "/launchpad/account/password",
            "current="
                + encode(PASSWORD)
                + "&password="
                + encode(newPassword)
                + "&repeat="
                + encode(newPassword));

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(laptop.getResponse("/launchpad/secrets/tiles").statusCode()).isEqualTo(200);
    assertThatSentToLogin(phone.getResponse("/launchpad/secrets/tiles"));
    HttpResponse<String> page = tablet.navigate("/launchpad/secrets");
    assertThat(page.uri().toString()).endsWith("/login?expired");
    assertThat(page.body()).contains("Your session ended");
  }

  @Test
  void aFragmentRequestWithoutASessionSendsTheWholePageToTheLoginPage() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> fragment =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/launchpad/secrets/add"))
                .header("HX-Request", "true")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login");
    assertThat(fragment.statusCode()).isEqualTo(401);
    assertThat(fragment.body()).doesNotContain("<form");
  }

  private String newUser(List<String> roles) {
    String name = "session-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, roles, false);
    return name;
  }

  private static String addForm(String name) {
    return "name=" + name + "&secret=" + encode(TestData.dockerConfig("r.io", "u", "session-pw"));
  }

  /** htmx gets {@code HX-Redirect} to the login page, never a page inside a fragment. */
  private static void assertThatSentToLogin(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/login?expired");
    assertThat(response.statusCode()).isEqualTo(401);
  }
}
