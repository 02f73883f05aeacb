package org.registrysecrets.server.support;

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
public final class LaunchpadSession {

  private final HttpClient http;
  private final String base;
  private String csrf = "";

  private LaunchpadSession(int port) {
    this(
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build(),
        port);
  }

  private LaunchpadSession(HttpClient http, int port) {
    this.http = http;
    this.base = "http://localhost:" + port;
  }

  /** The same session (cookie and CSRF token) sent to another replica on {@code port}. */
  public LaunchpadSession on(int port) {
    LaunchpadSession other = new LaunchpadSession(http, port);
    other.csrf = csrf;
    return other;
  }

  public static LaunchpadSession login(int port, String username, String password)
      throws Exception {
    LaunchpadSession session = new LaunchpadSession(port);
    String page = session.get("/login");
    String form =
        "username="
            + encode(username)
            + "&password="
            + encode(password)
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

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The body of an htmx GET. */
  public String get(String path) throws Exception {
    return getResponse(path).body();
  }

  /** The body of an htmx form POST. */
  public String post(String path, String form) throws Exception {
    return postResponse(path, form).body();
  }

  /** An htmx GET, whose status and headers (e.g. {@code HX-Redirect}) the test looks at. */
  public HttpResponse<String> getResponse(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true"));
  }

  /** A GET as a browser navigating to {@code path} sends it, following redirects. */
  public HttpResponse<String> navigate(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html"));
  }

  public HttpResponse<String> postResponse(String path, String form) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("HX-Request", "true")
            .header("X-CSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token(String page, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(page);
    if (!matcher.find()) {
      throw new IllegalStateException("No CSRF token in the page");
    }
    return matcher.group(1);
  }
}
