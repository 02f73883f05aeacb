package org.registrysecrets.server.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The data folder keeps to its owner and H2 writes no trace file; behind a TLS-terminating proxy
 * ({@code X-Forwarded-Proto: https} with {@code server.forward-headers-strategy=native}) the
 * session cookie is {@code Secure} and HSTS is sent, and over plain http neither.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.forward-headers-strategy=native")
class DataFolderAndTransportTests {

  private static final Path DATA_DIR = TestData.newDataDir("files");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("regsecrets.data-dir", DATA_DIR::toString);
  }

  @Test
  void everyFileIsOwnerOnlyAndAFailingStatementLeavesNoTrace() throws Exception {
    ApiClient api = new ApiClient(port);
    String token = api.token(TestData.bootstrapKey(DATA_DIR));
    String body = createBody("twice", dockerConfig("r.io", "u", "Trace-Password-31"));
    assertThat(api.post("/v2/admin/dockerRegistrySecrets", token, body).status()).isEqualTo(202);
    // The second insert fails on the primary key inside H2, which by default traces it to a file.
    assertThat(api.post("/v2/admin/dockerRegistrySecrets", token, body).status()).isEqualTo(409);
    // A statement H2 refuses, quoting a value: by default H2 traces it to
    // registry-secrets.trace.db.
    assertThatThrownBy(
            () ->
                jdbc.sql("select * from no_such_table where v = 'Trace-Password-31'")
                    .query()
                    .listOfRows())
        .isInstanceOf(DataAccessException.class);

    try (Stream<Path> walk = Files.walk(DATA_DIR)) {
      List<Path> entries = walk.toList();
      assertThat(entries)
          .extracting(path -> path.getFileName().toString())
          .contains("registry-secrets.mv.db", "keyset.json", "service-key.json")
          .noneMatch(name -> name.endsWith(".trace.db"));
      for (Path entry : entries) {
        String expected = Files.isDirectory(entry) ? "rwx------" : "rw-------";
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)))
            .as(entry.toString())
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void marksTheSessionCookieSecureAndSendsHstsOnlyOverHttps() throws Exception {
    HttpResponse<String> viaProxy = loginPage("https");
    HttpResponse<String> plain = loginPage(null);

    assertThat(viaProxy.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie -> assertThat(cookie).startsWith("REGSECRETS_SESSION").contains("Secure"));
    assertThat(viaProxy.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
    assertThat(plain.headers().allValues("Set-Cookie"))
        .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  private HttpResponse<String> loginPage(String forwardedProto) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
    if (forwardedProto != null) {
      request.header("X-Forwarded-Proto", forwardedProto);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
