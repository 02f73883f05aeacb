package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** The first-segment lookup finds exactly what Spring's own lookup finds, for any path. */
class FirstSegmentHandlerMappingTests {

  private static final RequestMappingHandlerMapping SPRING = new RequestMappingHandlerMapping();
  private static final RequestMappingHandlerMapping FAST = new FirstSegmentHandlerMapping();

  @BeforeAll
  static void register() {
    StaticWebApplicationContext context = new StaticWebApplicationContext();
    context.setServletContext(new MockServletContext());
    context.registerSingleton("api", Api.class);
    context.registerSingleton("pages", Pages.class);
    context.refresh();
    for (RequestMappingHandlerMapping mapping : List.of(SPRING, FAST)) {
      mapping.setApplicationContext(context);
      mapping.afterPropertiesSet();
    }
  }

  @Test
  void findsWhatSpringFinds() {
    List<String> cases =
        List.of(
            "GET /v2/admin/dockerRegistrySecrets/x",
            "GET /v2/admin/dockerRegistrySecrets",
            "POST /v2/admin/dockerRegistrySecrets",
            "PUT /v2/admin/dockerRegistrySecrets/x",
            "GET /V2/admin/dockerRegistrySecrets/x",
            "GET /%76%32/admin/dockerRegistrySecrets/x",
            "GET /v2;a=b/admin/dockerRegistrySecrets/x",
            "GET /v7/ping",
            "GET /abc/wild",
            "GET /launchpad/secrets/x",
            "GET /launchpad",
            "GET /",
            "GET /assets/ui5/app.js",
            "GET /anything/else",
            "GET //v2/admin/dockerRegistrySecrets/x",
            "GET ");
    for (String request : cases) {
      assertSameHandler(request.substring(0, request.indexOf(' ')), request.substring(4).trim());
    }
  }

  @Test
  void findsWhatSpringFindsForRandomPaths() {
    String[] segments = {
      "v2",
      "V2",
      "admin",
      "dockerRegistrySecrets",
      "launchpad",
      "secrets",
      "%76%32",
      "v2;a=b",
      "",
      "x",
      "v7",
      "ping",
      "abc",
      "aXc",
      "wild",
      "assets",
      "ui5",
      "platform",
      "v1"
    };
    String[] methods = {"GET", "POST", "PATCH", "DELETE", "PUT"};
    Random random = new Random(16);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder path = new StringBuilder();
      for (int n = random.nextInt(5); n >= 0; n--) {
        path.append('/').append(segments[random.nextInt(segments.length)]);
      }
      assertSameHandler(methods[random.nextInt(methods.length)], path.toString());
    }
  }

  private static void assertSameHandler(String method, String path) {
    assertThat(lookup(FAST, method, path))
        .as("%s %s", method, path)
        .isEqualTo(lookup(SPRING, method, path));
  }

  /** The handler found, or the kind of refusal (405, 406, 415). */
  private static @Nullable String lookup(
      RequestMappingHandlerMapping mapping, String method, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.addHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
    ServletRequestPathUtils.parseAndCache(request);
    try {
      HandlerExecutionChain chain = mapping.getHandler(request);
      return chain == null
          ? null
          : chain.getHandler()
              + " "
              + request.getAttribute(RequestMappingHandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    } catch (Exception e) {
      return e.getClass().getSimpleName();
    }
  }

  @RestController
  @RequestMapping(path = "/v2/admin", produces = MediaType.APPLICATION_JSON_VALUE)
  static class Api {
    @GetMapping("/dockerRegistrySecrets")
    String list() {
      return "";
    }

    @PostMapping("/dockerRegistrySecrets")
    String create() {
      return "";
    }

    @GetMapping("/dockerRegistrySecrets/{name}")
    String get(@PathVariable String name) {
      return name;
    }

    @PatchMapping("/dockerRegistrySecrets/{name}")
    String patch(@PathVariable String name) {
      return name;
    }

    @DeleteMapping("/dockerRegistrySecrets/{name}")
    String delete(@PathVariable String name) {
      return name;
    }
  }

  @RestController
  static class Pages {
    @GetMapping("/launchpad/secrets/{name}")
    String secret(@PathVariable String name) {
      return name;
    }

    @GetMapping({"/launchpad", "/"})
    String home() {
      return "";
    }

    @GetMapping("/v{version:\\d+}/ping")
    String ping() {
      return "";
    }

    @GetMapping("/a?c/wild")
    String wild() {
      return "";
    }

    @GetMapping("/{first}/else")
    String variable() {
      return "";
    }

    @GetMapping("/assets/**")
    String assets() {
      return "";
    }

    @GetMapping
    String unmapped() {
      return "";
    }
  }
}
