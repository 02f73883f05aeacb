package org.registrysecrets.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.EmbeddedPostgresInitializer;
import org.registrysecrets.server.support.ServerProcess;

/**
 * The jar we ship cannot be talked into skipping authentication: it holds no code that honours the
 * benchmark's {@code X-Bench-Unauthenticated} header and no {@code bench} profile, and started
 * under every profile it has (and the old {@code bench} one) it refuses that header like any
 * request without a token.
 */
class NoBypassShippedJarTests {

  private static final String BYPASS_HEADER = "X-Bench-Unauthenticated";

  @Test
  void holdsNoBaselineCodeAndNoBenchProfile() throws IOException {
    List<String> offending = new ArrayList<>();
    try (JarFile jar = new JarFile(ServerProcess.jar().toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.startsWith("BOOT-INF/classes/")) {
          continue;
        }
        if (name.contains("/bench/") || name.endsWith("application-bench.properties")) {
          offending.add(name);
        }
        if (!entry.isDirectory()) {
          String content =
              new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
          if (content.contains(BYPASS_HEADER) || content.contains("withoutToken")) {
            offending.add(name);
          }
        }
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void refusesTheBenchHeaderUnderEveryProfile() throws Exception {
    String database = EmbeddedPostgresInitializer.server().getJdbcUrl("postgres", "postgres");
    for (List<String> arguments :
        List.of(
            List.of("--spring.profiles.active=bench"),
            List.of("--spring.profiles.active=default,bench"),
            List.of(
                "--spring.profiles.active=postgres,bench",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres"))) {
      try (ServerProcess server = ServerProcess.start(arguments.toArray(String[]::new))) {
        for (String path :
            List.of(
                "/v2/admin/dockerRegistrySecrets",
                "/v2/admin/dockerRegistrySecrets/anything",
                "/platform/v1/service-keys",
                "/bench/ping")) {
          HttpResponse<String> response =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(server.url() + path))
                          .header(BYPASS_HEADER, "true")
                          .header("AI-Resource-Group", "default")
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).as(arguments + " " + path).isEqualTo(401);
        }
      }
    }
  }
}
