package org.registrysecrets.server.launchpad.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.LaunchpadSession;
import org.registrysecrets.server.support.TestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A provider that is down (or an issuer that is wrong) neither stops the server nor shows a stack
 * trace: sign-in with it leads back to the login page with the reason, and built-in users still
 * sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnUnavailableTests {

  private static final Path DATA_DIR = TestData.newDataDir("sso-down");
  private static final String ADMIN_PASSWORD = "sso-down-admin-password";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void providerThatIsDown(DynamicPropertyRegistry registry) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String issuer = "http://127.0.0.1:" + closedPort;
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.admin-password", () -> ADMIN_PASSWORD);
    registry.add("regsecrets.launchpad.oidc.enabled", () -> "true");
    registry.add("regsecrets.launchpad.oidc.display-name", () -> "Down IdP");
    registry.add("regsecrets.launchpad.oidc.issuer-uri", () -> issuer);
    registry.add("regsecrets.launchpad.oidc.client-id", () -> "launchpad");
  }

  @Test
  void signInWithAProviderThatIsDownLeadsToAClearPage() throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> start =
        browser.send(
            HttpRequest.newBuilder(URI.create(url("/oauth2/authorization/sso"))).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(url("/login?sso-unavailable"))).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(start.statusCode()).isEqualTo(302);
    assertThat(start.headers().firstValue("Location").orElseThrow())
        .endsWith("/login?sso-unavailable");
    assertThat(page.body())
        .contains("Sign-in with Down IdP is not available")
        .contains("or sign in with a Launchpad user")
        .doesNotContain("Exception");
  }

  @Test
  void builtInUsersStillSignIn() throws Exception {
    LaunchpadSession admin = LaunchpadSession.login(port, "admin", ADMIN_PASSWORD);

    assertThat(admin.getResponse("/launchpad/secrets/tiles").statusCode()).isEqualTo(200);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
