package org.registrysecrets.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.api.wire.ErrorResponse;
import org.registrysecrets.server.storage.StorageRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps what can go wrong with any API request as HTTP (an unreadable body, a wrong method or media
 * type, no route, the store unavailable) to AI Core's error body; the secret rules' own refusals
 * are {@code SecretRefusalResponses}'. Messages are written here, never copied from a parser:
 * Jackson's messages may quote the body, and the body holds credentials.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class HttpErrorResponses {

  private static final Logger log = LoggerFactory.getLogger(HttpErrorResponses.class);

  private final ApiErrorWriter errors;
  private final StorageRecovery recovery;

  HttpErrorResponses(ApiErrorWriter errors, StorageRecovery recovery) {
    this.errors = errors;
    this.recovery = recovery;
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ErrorResponse> invalidInput(InvalidInputException e, HttpServletRequest request) {
    return errors.entity(ApiError.badRequest(String.valueOf(e.getMessage())), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorResponse> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return errors.entity(ApiError.badRequest(describe(e)), request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorResponse> unsupportedMediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    String supported =
        e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
    return errors.entity(
        new ApiError(
            ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "The request body must be sent as " + supported + "."),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorResponse> notAcceptable(HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorResponse> methodNotAllowed(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return errors.entity(
        new ApiError(
            ApiErrorCode.METHOD_NOT_ALLOWED,
            "The method " + e.getMethod() + " is not allowed here."),
        request);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ErrorResponse> missingHeader(
      MissingRequestHeaderException e, HttpServletRequest request) {
    return errors.entity(
        ApiError.badRequest("The header " + e.getHeaderName() + " is required."), request);
  }

  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
  ResponseEntity<ErrorResponse> noRoute(HttpServletRequest request) {
    return errors.entity(
        new ApiError(ApiErrorCode.NOT_FOUND, "There is no resource at this path."), request);
  }

  /** Storage failures, commit and rollback failures included, are 503: nothing changed. */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<ErrorResponse> storage(Exception e, HttpServletRequest request) {
    if (!StorageFailures.isStorageFailure(e)) {
      return unexpected(e, request);
    }
    log.warn("Storage unavailable: {}", e.getClass().getSimpleName());
    recovery.afterFailure(e);
    return ResponseEntity.status(StorageFailures.ERROR.status())
        .header("Retry-After", StorageFailures.RETRY_AFTER)
        .contentType(MediaType.APPLICATION_JSON)
        .body(errors.body(StorageFailures.ERROR, request));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorResponse> unexpected(Exception e, HttpServletRequest request) {
    // Only the type and request id are logged: a message could quote input.
    log.error(
        "Unexpected {} in request {} at {}",
        e.getClass().getName(),
        RequestIds.of(request),
        e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
    return errors.entity(
        new ApiError(
            ApiErrorCode.INTERNAL_SERVER_ERROR,
            "The server failed to handle the request; quote the request id when reporting it."),
        request);
  }

  static String describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      // The unknown name is not repeated: users paste credentials in odd places.
      return "The request has a field that is not allowed here; allowed are: "
          + unknown.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "))
          + ".";
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return "The field \"" + path(mismatch) + "\" has the wrong type.";
    }
    if (cause instanceof StreamReadException read && read.getLocation() != null) {
      return "The request body is not valid JSON (line "
          + read.getLocation().getLineNr()
          + ", column "
          + read.getLocation().getColumnNr()
          + ").";
    }
    if (cause instanceof JacksonException) {
      return "The request body is not valid JSON for this call.";
    }
    return "The request body is missing or unreadable; send a JSON object.";
  }

  private static String path(DatabindException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
