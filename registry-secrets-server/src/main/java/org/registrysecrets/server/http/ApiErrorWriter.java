package org.registrysecrets.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.registrysecrets.api.wire.ErrorResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns an {@link ApiError} into AI Core's error body, for controllers, filters and handlers. */
@Component
public class ApiErrorWriter {

  private final JsonMapper json;

  ApiErrorWriter(JsonMapper json) {
    this.json = json;
  }

  public ErrorResponse body(ApiError error, HttpServletRequest request) {
    return body(error, request, request.getRequestURI());
  }

  public ErrorResponse body(ApiError error, HttpServletRequest request, String target) {
    return ErrorResponse.of(
        error.code().code(), error.message(), RequestIds.of(request), target, error.details());
  }

  public ResponseEntity<ErrorResponse> entity(ApiError error, HttpServletRequest request) {
    return ResponseEntity.status(error.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body(error, request));
  }

  /** Writes the body directly, for code that runs outside Spring MVC. */
  public void write(ApiError error, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(error.status().value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body(error, request));
  }
}
