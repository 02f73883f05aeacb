package org.registrysecrets.server.http;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are API calls, as the filters of this package see them. */
final class ApiPaths {

  private ApiPaths() {}

  /** AI Core's {@code /v2/**} and our {@code /platform/**}. */
  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/v2/") || path.startsWith("/platform/");
  }

  /** The API, and the token endpoint that clients call first. */
  static boolean isApiOrTokenEndpoint(HttpServletRequest request) {
    return isApi(request) || request.getRequestURI().startsWith("/oauth/");
  }
}
