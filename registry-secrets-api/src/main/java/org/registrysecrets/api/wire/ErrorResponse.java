package org.registrysecrets.api.wire;

import java.util.Map;

/** AI Core's error body: {@code {"error": {code, message, requestId, target, details}}}. */
public record ErrorResponse(ErrorDetail error) {

  /** The error itself; {@code code} is stable, {@code message} is for people. */
  public record ErrorDetail(
      String code, String message, String requestId, String target, Map<String, Object> details) {

    public ErrorDetail {
      details = Map.copyOf(details);
    }
  }

  public static ErrorResponse of(
      String code, String message, String requestId, String target, Map<String, Object> details) {
    return new ErrorResponse(new ErrorDetail(code, message, requestId, target, details));
  }
}
