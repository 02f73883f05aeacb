package org.registrysecrets.server.launchpad.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends a browser without a valid session to the login page: the whole page, also when htmx asked
 * for a fragment (htmx follows {@code HX-Redirect} whatever the status), so that the login form
 * never lands inside a dialog or a tile list.
 */
final class LoginRedirect {

  static final String EXPIRED = "/login?expired";

  private LoginRedirect() {}

  static void send(HttpServletRequest request, HttpServletResponse response, String target)
      throws IOException {
    String location = request.getContextPath() + target;
    if ("true".equals(request.getHeader("HX-Request"))) {
      response.setHeader("HX-Redirect", location);
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    response.sendRedirect(location);
  }
}
