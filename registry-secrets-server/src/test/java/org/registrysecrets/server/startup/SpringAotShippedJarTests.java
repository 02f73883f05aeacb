package org.registrysecrets.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ServerProcess;

/**
 * The shipped jar starts from Spring AOT's definitions with its shipped options, and from its
 * classes when a setting would choose other beans than the build did: the build fixed the embedded
 * issuer in, and a start that turns it off must not get it.
 */
class SpringAotShippedJarTests {

  private static final String FROM_AOT = "Starting AOT-processed";

  @Test
  void recordsWhatItsConditionsReadAtBuildTime() throws IOException {
    try (JarFile jar = new JarFile(ServerProcess.jar().toFile())) {
      String inputs =
          new String(
              // Spring Boot keeps the module's META-INF at the jar's root.
              jar.getInputStream(jar.getEntry(ConditionInputs.RESOURCE)).readAllBytes(),
              StandardCharsets.ISO_8859_1);

      assertThat(inputs)
          .contains("regsecrets.issuer.enabled", "regsecrets.kubernetes.enabled")
          .contains("management.endpoints.web.exposure.include=health,prometheus")
          .contains("org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
          .doesNotContain("password=");
    }
  }

  @Test
  void startsFromTheBuildsDefinitions() throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      assertThat(server.logSinceStart()).contains(FROM_AOT).doesNotContain("Spring AOT is off");
      assertThat(status(server, "/oauth2/jwks")).isEqualTo(200);
    }
  }

  @Test
  void startsFromItsClassesWhenASettingChoosesOtherBeans() throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            "--regsecrets.issuer.enabled=false",
            "--regsecrets.security.jwk-set-uri=http://127.0.0.1:9/jwks")) {
      assertThat(server.logSinceStart())
          .contains(
              "Spring AOT is off for this start, the context is built from the classes:"
                  + " 'regsecrets.issuer.enabled' is not set as it was at build time")
          .doesNotContain(FROM_AOT);
      assertThat(status(server, "/oauth2/jwks")).isNotEqualTo(200);
    }
  }

  private static int status(ServerProcess server, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
