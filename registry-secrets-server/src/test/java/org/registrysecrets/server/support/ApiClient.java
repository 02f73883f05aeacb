package org.registrysecrets.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.registrysecrets.api.wire.ServiceKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: real requests to the real server, nothing mocked. */
public final class ApiClient {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ApiClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public ApiClient(int port) {
    this("http://localhost:" + port);
  }

  /** A token for {@code key}, requested the way SAP's SDKs do: a form post with the secret. */
  public String token(ServiceKey key) {
    Response response = tokenResponse(key.clientid(), key.clientsecret());
    if (response.status() != 200) {
      throw new IllegalStateException("No token: " + response.status() + " " + response.body());
    }
    return response.json().get("access_token").asString();
  }

  public Response tokenResponse(String clientId, String clientSecret) {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    return send(
        "POST", "/oauth/token", null, form, "Content-Type", "application/x-www-form-urlencoded");
  }

  /** Sends {@code method path} with an optional bearer token, body and header pairs. */
  public Response send(
      String method, String path, String token, String body, String... headerPairs) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    boolean contentType = false;
    for (int i = 0; i < headerPairs.length; i += 2) {
      request.header(headerPairs[i], headerPairs[i + 1]);
      contentType |= headerPairs[i].equalsIgnoreCase("Content-Type");
    }
    if (body != null && !contentType) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Response post(String path, String token, String body) {
    return send("POST", path, token, body);
  }

  public Response patch(String path, String token, String body, String... headers) {
    return send("PATCH", path, token, body, headers);
  }

  public Response delete(String path, String token, String... headers) {
    return send("DELETE", path, token, null, headers);
  }

  /** A response: status, headers and body. */
  public record Response(int status, HttpResponse<String> raw, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** The AI Core error code of an error body. */
    public String errorCode() {
      return json().path("error").path("code").asString();
    }

    public String errorMessage() {
      return json().path("error").path("message").asString();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
