package org.registrysecrets.server.secret.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.registrysecrets.server.http.QueryParameters;
import org.registrysecrets.server.secret.Paging;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets list calls take a {@link Paging}, read strictly from {@code $top}, {@code $skip}, {@code
 * $count}.
 */
@Configuration(proxyBeanMethods = false)
class PagingArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(Paging.class);
  }

  @Override
  public Paging resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      @Nullable WebDataBinderFactory binderFactory) {
    String top = request.getParameter("$top");
    String skip = request.getParameter("$skip");
    return new Paging(
        top == null ? Integer.MAX_VALUE : QueryParameters.nonNegative("$top", top),
        skip == null ? 0 : QueryParameters.nonNegative("$skip", skip),
        QueryParameters.bool("$count", request.getParameter("$count")));
  }
}
