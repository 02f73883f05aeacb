package org.registrysecrets.server.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error to answer with: HTTP status, AI Core's stable code, a message for people and optional
 * details. Messages never carry a credential.
 */
public record ApiError(
    HttpStatus status, String code, String message, Map<String, Object> details) {

  public ApiError {
    details = Map.copyOf(details);
  }

  public ApiError(HttpStatus status, String code, String message) {
    this(status, code, message, Map.of());
  }

  public static ApiError badRequest(String message) {
    return new ApiError(HttpStatus.BAD_REQUEST, "BadRequest", message);
  }
}
