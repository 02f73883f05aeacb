package org.registrysecrets.server.secret.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.registrysecrets.api.wire.ErrorResponse;
import org.registrysecrets.server.audit.AuditWriteFailedException;
import org.registrysecrets.server.http.ApiError;
import org.registrysecrets.server.http.ApiErrorCode;
import org.registrysecrets.server.http.ApiErrorWriter;
import org.registrysecrets.server.http.StorageFailures;
import org.registrysecrets.server.secret.CredentialCheckFailedException;
import org.registrysecrets.server.secret.SecretException;
import org.registrysecrets.server.secret.SecretRefusal;
import org.registrysecrets.server.storage.StorageRecovery;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the secret rules' refusals to AI Core's errors. The switch is exhaustive: a new refusal does
 * not compile until it has its error.
 */
@RestControllerAdvice(assignableTypes = DockerRegistrySecretController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecretRefusalResponses {

  private final ApiErrorWriter errors;
  private final StorageRecovery recovery;

  SecretRefusalResponses(ApiErrorWriter errors, StorageRecovery recovery) {
    this.errors = errors;
    this.recovery = recovery;
  }

  @ExceptionHandler(SecretException.class)
  ResponseEntity<ErrorResponse> refused(SecretException e, HttpServletRequest request) {
    Map<String, Object> details =
        e instanceof CredentialCheckFailedException failed
            ? Map.of("registries", failed.results())
            : Map.of();
    return errors.entity(
        new ApiError(errorOf(e.refusal()), String.valueOf(e.getMessage()), details), request);
  }

  @ExceptionHandler(AuditWriteFailedException.class)
  ResponseEntity<ErrorResponse> auditFailed(
      AuditWriteFailedException e, HttpServletRequest request) {
    recovery.afterFailure(e);
    ApiError error =
        new ApiError(
            ApiErrorCode.SERVICE_UNAVAILABLE,
            "The change was not made because it could not be recorded in the audit log; retry"
                + " later.");
    return ResponseEntity.status(error.status())
        .header("Retry-After", StorageFailures.RETRY_AFTER)
        .contentType(MediaType.APPLICATION_JSON)
        .body(errors.body(error, request));
  }

  static ApiErrorCode errorOf(SecretRefusal refusal) {
    return switch (refusal) {
      case NOT_FOUND -> ApiErrorCode.NOT_FOUND;
      case ALREADY_EXISTS -> ApiErrorCode.ALREADY_EXISTS;
      case VERSION_MISMATCH -> ApiErrorCode.PRECONDITION_FAILED;
      case QUOTA_EXCEEDED -> ApiErrorCode.QUOTA_EXCEEDED;
      case CREDENTIAL_CHECK_FAILED -> ApiErrorCode.CREDENTIAL_CHECK_FAILED;
    };
  }
}
