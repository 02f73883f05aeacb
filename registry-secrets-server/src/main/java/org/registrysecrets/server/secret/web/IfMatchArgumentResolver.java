package org.registrysecrets.server.secret.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.secret.ExpectedVersions;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets writes take the {@link ExpectedVersions} of their {@code If-Match} header: none or {@code *}
 * accepts any version; strong entity tags {@code "<version>"} accept those versions. Weak or
 * malformed tags never match (RFC 9110 compares strongly), so they end in 412.
 */
@Configuration(proxyBeanMethods = false)
class IfMatchArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

  /** A version no secret has: what a tag that cannot match stands for. */
  static final long NO_VERSION = -1;

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(ExpectedVersions.class);
  }

  @Override
  public ExpectedVersions resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      @Nullable WebDataBinderFactory binderFactory) {
    return parse(request.getHeader("If-Match"));
  }

  static ExpectedVersions parse(@Nullable String header) {
    if (header == null || header.isBlank() || header.strip().equals("*")) {
      return ExpectedVersions.ANY;
    }
    Set<Long> versions = new LinkedHashSet<>();
    for (String tag : header.split(",", 20)) {
      versions.add(version(tag.strip()));
    }
    return ExpectedVersions.oneOf(versions);
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static long version(String tag) {
    if (tag.length() < 3 || tag.length() > 21 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
      return NO_VERSION;
    }
    String digits = tag.substring(1, tag.length() - 1);
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return NO_VERSION;
      }
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return NO_VERSION;
    }
  }
}
