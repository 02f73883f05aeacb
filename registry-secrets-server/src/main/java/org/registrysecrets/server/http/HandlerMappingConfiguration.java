package org.registrysecrets.server.http;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC's request mappings, configured by Spring Boot as ever, looked up faster. */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfiguration {

  @Bean
  WebMvcRegistrations firstSegmentHandlerMapping() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new FirstSegmentHandlerMapping();
      }
    };
  }
}
