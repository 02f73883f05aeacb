package org.registrysecrets.server.launchpad.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ServerTestBase;

/** The browser side's defences, checked over plain HTTP: headers, cookies, CSRF, throttling. */
class LaunchpadSecurityTests extends ServerTestBase {

  private static final String ADMIN_PASSWORD = "admin-password-for-tests";

  @Test
  void pagesCarryAStrictContentSecurityPolicyAndSafeCookies() throws Exception {
    HttpResponse<String> login =
        session().send(get("/login"), HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("style-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict"));
    assertThat(login.body())
        .doesNotContain("<script>")
        .doesNotContain("style=\"")
        .doesNotContain("onclick");
  }

  @Test
  void refusesChangesWithoutTheCsrfToken() throws Exception {
    HttpClient browser = session();
    login(browser, "admin", ADMIN_PASSWORD);

    HttpResponse<String> forged =
        browser.send(
            post("/launchpad/secrets/add", "name=forged&secret=%7B%7D", null),
            HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void slowsDownPasswordGuessing() throws Exception {
    HttpClient attacker = session();
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      assertThat(location(login(attacker, "admin", "wrong-" + i))).endsWith("/login?error");
    }

    HttpResponse<String> locked = login(attacker, "admin", ADMIN_PASSWORD);

    assertThat(location(locked)).endsWith("/login?locked");
    // The name login checks is trimmed: its variants share the lock, also with the right password
    for (String variant : List.of("admin ", " admin", "admin\t", "ADMIN", "\tAdmin  ")) {
      assertThat(location(login(attacker, variant, ADMIN_PASSWORD)))
          .as(variant)
          .endsWith("/login?locked");
      assertThat(location(login(attacker, variant, "wrong"))).as(variant).endsWith("/login?locked");
    }
    assertThat(location(login(session(), "someone-else", "wrong"))).endsWith("/login?error");
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new AssertionError(response.statusCode() + " " + response.body()));
  }

  @Test
  void sendsBrowsersWithoutASessionToTheLoginPage() throws Exception {
    HttpResponse<String> page =
        session().send(get("/launchpad/secrets"), HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  private HttpResponse<String> login(HttpClient browser, String username, String password)
      throws Exception {
    String page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).isTrue();
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + token.group(1);
    return browser.send(post("/login", form, null), HttpResponse.BodyHandlers.ofString());
  }

  private HttpClient session() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html")
        .build();
  }

  private HttpRequest post(String path, String form, String csrf) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (csrf != null) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    return request.build();
  }
}
