package org.registrysecrets.server.secret.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.registrysecrets.api.wire.ErrorResponse;
import org.registrysecrets.server.audit.AuditWriteFailedException;
import org.registrysecrets.server.secret.CredentialCheckFailedException;
import org.registrysecrets.server.secret.SecretAlreadyExistsException;
import org.registrysecrets.server.secret.SecretException;
import org.registrysecrets.server.secret.SecretNotFoundException;
import org.registrysecrets.server.secret.SecretQuotaExceededException;
import org.registrysecrets.server.secret.SecretVersionMismatchException;
import org.registrysecrets.server.web.ApiError;
import org.registrysecrets.server.web.ApiErrorWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the secret rules' refusals to AI Core's statuses and error codes. */
@RestControllerAdvice(assignableTypes = DockerRegistrySecretController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AiCoreErrorResponses {

  private final ApiErrorWriter errors;

  AiCoreErrorResponses(ApiErrorWriter errors) {
    this.errors = errors;
  }

  @ExceptionHandler(SecretException.class)
  ResponseEntity<ErrorResponse> refused(SecretException e, HttpServletRequest request) {
    Map<String, Object> details =
        e instanceof CredentialCheckFailedException failed
            ? Map.of("registries", failed.results())
            : Map.of();
    return errors.entity(
        new ApiError(status(e), e.code(), String.valueOf(e.getMessage()), details), request);
  }

  @ExceptionHandler(AuditWriteFailedException.class)
  ResponseEntity<ErrorResponse> auditFailed(HttpServletRequest request) {
    return errors.entity(
        new ApiError(
            HttpStatus.SERVICE_UNAVAILABLE,
            "ServiceUnavailable",
            "The change was not made because it could not be recorded in the audit log; retry"
                + " later."),
        request);
  }

  private static HttpStatus status(SecretException e) {
    if (e instanceof SecretNotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof SecretAlreadyExistsException) {
      return HttpStatus.CONFLICT;
    }
    if (e instanceof SecretVersionMismatchException) {
      return HttpStatus.PRECONDITION_FAILED;
    }
    if (e instanceof SecretQuotaExceededException) {
      return HttpStatus.TOO_MANY_REQUESTS;
    }
    return HttpStatus.BAD_REQUEST;
  }
}
