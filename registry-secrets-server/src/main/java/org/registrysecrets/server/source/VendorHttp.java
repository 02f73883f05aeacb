package org.registrysecrets.server.source;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.json.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two token calls no vendor SDK makes (the ACR exchange, GitHub's installation token): one
 * POST, no redirects, a JSON answer; a refusal becomes a {@link SourceExchangeException} that
 * quotes the provider's own explanation.
 */
final class VendorHttp {

  private static final JsonMapper JSON = JsonMappers.builder().build();
  private static final int MAX_ANSWER = 64 * 1024;

  private final HttpClient http;
  private final Duration timeout;

  VendorHttp(SSLContext tls, Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
  }

  static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    return HttpRequest.BodyPublishers.ofString(
        fields.entrySet().stream()
            .map(
                field ->
                    URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
  }

  /**
   * @param provider names the vendor in messages
   * @throws SourceExchangeException if the call fails or the answer is not a JSON object
   */
  JsonNode post(
      String provider, URI uri, Map<String, String> headers, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).POST(body);
    headers.forEach(request::header);
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SourceExchangeException(provider + " could not be reached: " + e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceExchangeException(provider + " was not asked: interrupted", false);
    }
    byte[] answer = response.body();
    @Nullable JsonNode json = null;
    if (answer.length <= MAX_ANSWER) {
      try {
        json = JSON.readTree(answer);
      } catch (JacksonException e) {
        // Answered below.
      }
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new SourceExchangeException(
          provider + " refused the request (" + status + "): " + explanation(json), true);
    }
    if (json == null || !json.isObject()) {
      throw new SourceExchangeException(provider + " answered " + status + " without JSON", true);
    }
    return json;
  }

  /** The fields vendors explain refusals in, or a note that there is none. */
  private static String explanation(@Nullable JsonNode json) {
    if (json == null) {
      return "no explanation";
    }
    for (String field : new String[] {"error_description", "message", "error"}) {
      JsonNode value = json.path(field);
      if (value.isString()) {
        return value.asString();
      }
    }
    JsonNode errors = json.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      return errors.get(0).path("message").asString("no explanation");
    }
    return "no explanation";
  }
}
