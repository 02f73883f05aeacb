package org.registrysecrets.server.http;

import org.springframework.http.HttpStatus;

/**
 * Every error the HTTP APIs answer with: its status and the stable code of AI Core's error body.
 * The one table of status and code; every writer of an error body uses it. For a status shared by
 * several errors the generic one comes first, so that {@link #forStatus} finds it.
 */
public enum ApiErrorCode {
  BAD_REQUEST(HttpStatus.BAD_REQUEST, "BadRequest"),
  CREDENTIAL_CHECK_FAILED(HttpStatus.BAD_REQUEST, "CredentialCheckFailed"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "NotFound"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "NotAcceptable"),
  CONFLICT(HttpStatus.CONFLICT, "Conflict"),
  ALREADY_EXISTS(HttpStatus.CONFLICT, "AlreadyExists"),
  PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "PreconditionFailed"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "PayloadTooLarge"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType"),
  TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests"),
  QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "QuotaExceeded"),
  INTERNAL_SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "InternalServerError"),
  SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable");

  private final HttpStatus status;
  private final String code;

  ApiErrorCode(HttpStatus status, String code) {
    this.status = status;
    this.code = code;
  }

  public HttpStatus status() {
    return status;
  }

  /** The code clients see in {@code error.code}. */
  public String code() {
    return code;
  }

  /**
   * The error for a bare status that the container or the firewall raised: the first entry with
   * that status, else {@code BadRequest} for other 4xx and {@code InternalServerError} for the
   * rest.
   */
  public static ApiErrorCode forStatus(int status) {
    for (ApiErrorCode error : values()) {
      if (error.status.value() == status) {
        return error;
      }
    }
    return status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_SERVER_ERROR;
  }
}
