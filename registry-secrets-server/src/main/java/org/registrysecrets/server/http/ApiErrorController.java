package org.registrysecrets.server.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.api.wire.ErrorResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors the servlet container or the firewall raise before Spring MVC sees the request (an encoded
 * slash, a malformed URL) also get the JSON error body instead of an HTML page.
 */
@RestController
class ApiErrorController implements ErrorController {

  private final ApiErrorWriter errors;

  ApiErrorController(ApiErrorWriter errors) {
    this.errors = errors;
  }

  /** Browsers asking for a page get a page (the Launchpad's); everything else gets JSON. */
  @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView errorPage(HttpServletRequest request, @Nullable Principal principal) {
    HttpStatus status = status(request);
    ModelAndView page = new ModelAndView("launchpad/error", status);
    // A signed-in person sees the page in the Launchpad's shell.
    page.addObject("username", principal == null ? null : principal.getName());
    page.addObject("path", "");
    page.addObject("status", status.value());
    page.addObject("reason", status.getReasonPhrase());
    page.addObject(
        "message",
        switch (status) {
          case NOT_FOUND ->
              "There is nothing at this address. It may be mistyped, or what it showed was removed.";
          case FORBIDDEN ->
              "Your roles do not allow this. Ask an administrator for the role you need.";
          default -> "The request could not be handled. Try again.";
        });
    return page;
  }

  @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
  ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
    HttpStatus status = status(request);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String target = uri instanceof String path ? path : request.getRequestURI();
    ApiErrorCode code = ApiErrorCode.forStatus(status.value());
    ApiError error =
        new ApiError(
            code,
            code == ApiErrorCode.NOT_FOUND
                ? "There is no resource at this path."
                : "The request was refused: " + status.getReasonPhrase() + ".");
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(errors.body(error, request, target));
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer value) {
      HttpStatus resolved = HttpStatus.resolve(value);
      if (resolved != null) {
        return resolved;
      }
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
