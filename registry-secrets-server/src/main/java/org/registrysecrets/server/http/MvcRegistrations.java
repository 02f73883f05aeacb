package org.registrysecrets.server.http;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC's own components, configured by Spring Boot as usual, with ours where they differ. */
@Configuration(proxyBeanMethods = false)
class MvcRegistrations implements WebMvcRegistrations {

  @Override
  public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
    return new PrefilteredHandlerMapping();
  }
}
