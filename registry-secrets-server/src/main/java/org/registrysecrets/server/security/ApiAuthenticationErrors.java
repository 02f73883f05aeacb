package org.registrysecrets.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.registrysecrets.server.http.ApiError;
import org.registrysecrets.server.http.ApiErrorCode;
import org.registrysecrets.server.http.ApiErrorWriter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 with AI Core's error body, keeping the {@code WWW-Authenticate} header that Spring
 * Security's bearer-token handlers set.
 */
class ApiAuthenticationErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ApiErrorWriter errors;
  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerAccessDenied =
      new BearerTokenAccessDeniedHandler();

  ApiAuthenticationErrors(ApiErrorWriter errors) {
    this.errors = errors;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearerEntryPoint.commence(request, response, e);
    boolean tokenGiven = request.getHeader("Authorization") != null;
    errors.write(
        new ApiError(
            ApiErrorCode.UNAUTHORIZED,
            tokenGiven
                ? "The bearer token is invalid, expired or revoked; request a new one with your"
                    + " service key."
                : "A bearer token is required: send Authorization: Bearer <token>."),
        request,
        response);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    bearerAccessDenied.handle(request, response, e);
    errors.write(
        new ApiError(
            ApiErrorCode.FORBIDDEN,
            "The token lacks the scope this call needs; use a service key with the required role."),
        request,
        response);
  }
}
