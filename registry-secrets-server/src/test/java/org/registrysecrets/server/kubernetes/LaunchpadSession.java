package org.registrysecrets.server.kubernetes;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A logged-in Launchpad session over plain HTTP, sending htmx's headers with its CSRF token. */
final class LaunchpadSession {

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final String base;
  private String csrf = "";

  private LaunchpadSession(int port) {
    this.base = "http://localhost:" + port;
  }

  static LaunchpadSession login(int port, String username, String password) throws Exception {
    LaunchpadSession session = new LaunchpadSession(port);
    String page = session.get("/login");
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + session.token(page, "name=\"_csrf\" value=\"([^\"]+)\"");
    session.send(
        HttpRequest.newBuilder(URI.create(session.base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
    session.csrf =
        session.token(session.get("/launchpad/secrets"), "name=\"_csrf\" content=\"([^\"]+)\"");
    return session;
  }

  String get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true"));
  }

  String post(String path, String form) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("HX-Request", "true")
            .header("X-CSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private String send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private String token(String page, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(page);
    if (!matcher.find()) {
      throw new IllegalStateException("No CSRF token in the page");
    }
    return matcher.group(1);
  }
}
