package org.registrysecrets.server.http;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error to answer with: which one, a message for people and optional details. Messages never
 * carry a credential.
 */
public record ApiError(ApiErrorCode code, String message, Map<String, Object> details) {

  public ApiError {
    details = Map.copyOf(details);
  }

  public ApiError(ApiErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public HttpStatus status() {
    return code.status();
  }

  public static ApiError badRequest(String message) {
    return new ApiError(ApiErrorCode.BAD_REQUEST, message);
  }
}
