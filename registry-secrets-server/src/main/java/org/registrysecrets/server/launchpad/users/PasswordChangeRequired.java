package org.registrysecrets.server.launchpad.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Sends a user with a one-time or reset password to the password page before anything else. */
@Configuration(proxyBeanMethods = false)
class PasswordChangeRequired implements HandlerInterceptor, WebMvcConfigurer {

  private static final String PASSWORD_PAGE = "/launchpad/account/password";

  private final LaunchpadUserService users;

  PasswordChangeRequired(LaunchpadUserService users) {
    this.users = users;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(this)
        .addPathPatterns("/launchpad/**")
        .excludePathPatterns(PASSWORD_PAGE);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    Principal principal = request.getUserPrincipal();
    if (principal != null
        && BuiltInUsers.isBuiltIn(principal)
        && users
            .find(principal.getName())
            .map(LaunchpadUser::passwordChangeRequired)
            .orElse(false)) {
      response.sendRedirect(PASSWORD_PAGE);
      return false;
    }
    return true;
  }
}
