package org.registrysecrets.server.launchpad;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.registrysecrets.api.InvalidInputException;
import org.registrysecrets.client.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Launchpad failures as messages in the page or dialog, never as stack traces. */
@ControllerAdvice(basePackageClasses = LaunchpadErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LaunchpadErrors {

  private static final Logger log = LoggerFactory.getLogger(LaunchpadErrors.class);

  @ExceptionHandler(RuntimeException.class)
  ModelAndView failed(RuntimeException e, HttpServletRequest request) {
    String message = RemoteErrors.describe(e);
    HttpStatus status =
        e instanceof InvalidInputException
            ? HttpStatus.BAD_REQUEST
            : e instanceof ApiException api && (api.status() == 404 || api.status() == 403)
                // what the page asked for does not exist, or may not be seen, on the API either
                ? HttpStatus.valueOf(api.status())
                : HttpStatus.BAD_GATEWAY;
    if (message == null) {
      log.error("Launchpad request failed: {}", e.getClass().getName());
      message = "Something went wrong; try again.";
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    return answer(message, status, request);
  }

  /** A form without a field it needs (or with one that cannot be read): nothing was done. */
  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ModelAndView badForm(Exception e, HttpServletRequest request) {
    String field =
        e instanceof MissingServletRequestParameterException missing
            ? missing.getParameterName()
            : ((MethodArgumentTypeMismatchException) e).getName();
    return answer(
        "The form's field \"" + field + "\" is missing or not readable; nothing was changed.",
        HttpStatus.BAD_REQUEST,
        request);
  }

  private static ModelAndView answer(
      String message, HttpStatus status, HttpServletRequest request) {
    if (request.getHeader("HX-Request") != null) {
      // htmx swaps only successful answers; the dialog shows the message in its message area.
      ModelAndView fragment =
          new ModelAndView("launchpad/fragments :: dialog-messages", HttpStatus.OK);
      fragment.addObject("errors", List.of(message));
      fragment.addObject("errorDetail", null);
      fragment.addObject("saveAnyway", false);
      fragment.addObject("errorField", null);
      return fragment;
    }
    ModelAndView page = new ModelAndView("launchpad/error", status);
    // the shell for a signed-in person (an exception's view gets no @ModelAttribute values)
    Principal person = request.getUserPrincipal();
    page.addObject("username", person == null ? null : person.getName());
    page.addObject("path", request.getRequestURI());
    page.addObject("status", status.value());
    page.addObject("reason", status.getReasonPhrase());
    page.addObject("message", message);
    return page;
  }
}
