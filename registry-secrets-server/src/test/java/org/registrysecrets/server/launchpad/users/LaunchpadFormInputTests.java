package org.registrysecrets.server.launchpad.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forms the Launchpad did not expect: a missing field, a password longer than BCrypt can hash, a
 * body over the container's form limit. Each gets a clear 4xx or a message, never a 500, and
 * changes nothing. (A server of its own, so that its sign-ins meet no other test's throttle.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LaunchpadFormInputTests {

  private static final Path DATA_DIR = TestData.newDataDir("forms");
  private static final String ADMIN_PASSWORD = "forms-admin-password";

  @LocalServerPort int port;
  @Autowired LaunchpadUserService users;
  private HttpClient browser;
  private String csrf;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
    registry.add("regsecrets.admin-password", () -> ADMIN_PASSWORD);
  }

  @BeforeEach
  void signIn() throws Exception {
    browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login = send("GET", "/login", null).body();
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    assertThat(token.find()).isTrue();
    send(
        "POST", "/login", "username=admin&password=" + ADMIN_PASSWORD + "&_csrf=" + token.group(1));
    Matcher meta =
        Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
            .matcher(send("GET", "/launchpad/users", null).body());
    assertThat(meta.find()).as("signed in").isTrue();
    csrf = meta.group(1);
  }

  @Test
  void aMissingFieldIsA400WithAMessage() throws Exception {
    HttpResponse<String> noPassword = send("POST", "/launchpad/users", "username=nopassword");
    HttpResponse<String> noSecret =
        send("POST", "/launchpad/secrets/add", "name=nosecret", "HX-Request", "true");

    assertThat(noPassword.statusCode()).isEqualTo(400);
    assertThat(noPassword.body()).contains("field &quot;password&quot; is missing");
    // An htmx dialog gets the message in its message area
    assertThat(noSecret.statusCode()).isEqualTo(200);
    assertThat(noSecret.body())
        .contains("<ui5-message-strip design=\"Negative\"")
        .doesNotContain("Whitelabel");
    assertThat(users.exists("nopassword")).isFalse();
  }

  @Test
  void aPasswordLongerThanBcryptHashesIsRefusedWithAMessage() throws Exception {
    String tooLong = "é".repeat(40); // 40 characters, 80 bytes: BCrypt reads at most 72
    HttpResponse<String> added =
        send(
            "POST",
            "/launchpad/users",
            "username=longpassword&password="
                + URLEncoder.encode(tooLong, StandardCharsets.UTF_8)
                + "&roles=connections_viewer");

    assertThat(added.statusCode()).isEqualTo(302);
    String page = send("GET", "/launchpad/users", null).body();
    assertThat(page).contains("at most 72 bytes");
    assertThat(users.exists("longpassword")).isFalse();
  }

  @Test
  void aFormOverTheLimitIsRefusedWithoutA500() throws Exception {
    String huge = "x".repeat(3 * 1024 * 1024);
    HttpResponse<String> response =
        send("POST", "/launchpad/secrets/add", "name=huge&secret=" + huge, "HX-Request", "true");

    // Tomcat reads no parameters past its 2 MB form limit: the dialog says what is missing
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("<ui5-message-strip design=\"Negative\"")
        .doesNotContain("Whitelabel")
        .doesNotContain("Exception");
    assertThat(send("GET", "/launchpad/secrets/tiles", null).body()).doesNotContain("huge");
  }

  private HttpResponse<String> send(String method, String path, String form, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html");
    if (form != null) {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .method(method, HttpRequest.BodyPublishers.ofString(form));
      if (csrf != null) {
        request.header("X-CSRF-TOKEN", csrf);
      }
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
