package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ServerTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Spring Session's filter wraps the Launchpad's requests only, never the API's. */
class ApiWithoutSessionsTests extends ServerTestBase {

  @Autowired ServletWebServerApplicationContext context;

  @Test
  void theSessionFilterPassesOverTheApiAndTheTokenEndpoint() throws Exception {
    SessionRepositoryFilter<MapSession> sessions =
        new SessionRepositoryFilter<>(new MapSessionRepository(new ConcurrentHashMap<>()));
    for (String path :
        List.of("/v2/admin/dockerRegistrySecrets/a", "/platform/v1/service-keys", "/oauth/token")) {
      assertThat(requestThatReaches(path, sessions))
          .as(path)
          .isExactlyInstanceOf(MockHttpServletRequest.class);
    }
    for (String path : List.of("/launchpad/secrets", "/login", "/")) {
      assertThat(requestThatReaches(path, sessions))
          .as(path)
          .isNotInstanceOf(MockHttpServletRequest.class);
    }
  }

  @Test
  void runsBeforeTheSessionFilterInTheServer() {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    Context tomcat = (Context) server.getTomcat().getHost().findChildren()[0];
    List<String> filters =
        Arrays.stream(tomcat.findFilterMaps()).map(FilterMap::getFilterName).toList();

    assertThat(filters).contains("apiWithoutSessions", "springSessionRepositoryFilter");
    assertThat(filters.indexOf("apiWithoutSessions"))
        .isLessThan(filters.indexOf("springSessionRepositoryFilter"));
  }

  /** The request the servlet gets after this filter and the session filter. */
  private static ServletRequest requestThatReaches(String path, SessionRepositoryFilter<?> sessions)
      throws Exception {
    AtomicReference<ServletRequest> reached = new AtomicReference<>();
    HttpServlet servlet =
        new HttpServlet() {
          @Override
          public void service(ServletRequest request, ServletResponse response) {
            reached.set(request);
          }
        };
    new MockFilterChain(servlet, new ApiWithoutSessions(), sessions)
        .doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse());
    return reached.get();
  }
}
