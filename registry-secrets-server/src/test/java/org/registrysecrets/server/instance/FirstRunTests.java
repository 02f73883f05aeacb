package org.registrysecrets.server.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.RegistrySecretsApplication;
import org.registrysecrets.server.crypto.Ciphertext;
import org.registrysecrets.server.crypto.SecretCipher;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.TestData;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Starts the application the way an administrator does, stops it and starts it again on the same
 * data folder: keys, service key, database and tokens survive; only URLs follow the public URL.
 */
class FirstRunTests {

  @Test
  void firstStartCreatesOwnerOnlyFilesAndLaterStartsReuseThem() throws Exception {
    Path dataDir = TestData.newDataDir("first-run").resolve("nested");
    String firstUrl = "http://registry.test:8080";
    String token;
    String generatedPassword;

    // First start: everything is created
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (ConfigurableApplicationContext first = start(dataDir, firstUrl)) {
      System.setOut(console);
      generatedPassword = oneTimePassword(printed.toString(StandardCharsets.UTF_8));
      assertThat(permissions(dataDir)).isEqualTo("rwx------");
      for (String file :
          new String[] {"keyset.json", "issuer-signing-key.json", "service-key.json"}) {
        assertThat(permissions(dataDir.resolve(file))).as(file).isEqualTo("rw-------");
      }
      assertThat(dataDir.resolve("registry-secrets.mv.db")).exists();
      ServiceKey key = TestData.bootstrapKey(dataDir);
      assertThat(key.url()).isEqualTo(firstUrl);
      assertThat(key.serviceurls().aiApiUrl()).isEqualTo(firstUrl);
      assertThat(key.identityzone()).isEqualTo("default");
      ApiClient api = new ApiClient(port(first));
      token = api.token(key);
      assertThat(
              api.post(
                      "/v2/admin/dockerRegistrySecrets",
                      token,
                      createBody("survivor", dockerConfig("r.io", "u", "kept-password")))
                  .status())
          .isEqualTo(202);
      assertThat(passwordMatches(first, generatedPassword)).isTrue();
    } finally {
      System.setOut(console);
    }
    ServiceKey before = TestData.bootstrapKey(dataDir);

    // Second start, same URL: the old token still works, the secret still decrypts
    printed.reset();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (ConfigurableApplicationContext second = start(dataDir, firstUrl)) {
      System.setOut(console);
      assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("one-time password");
      ApiClient api = new ApiClient(port(second));
      assertThat(api.get("/v2/admin/dockerRegistrySecrets/survivor", token).status())
          .isEqualTo(200);
      assertThat(TestData.bootstrapKey(dataDir)).isEqualTo(before);
      assertThat(decrypt(second, "survivor")).contains("r.io");
      assertThat(passwordMatches(second, generatedPassword)).isTrue();
    } finally {
      System.setOut(console);
    }

    // Third start, new URL: URLs follow, credentials stay
    String secondUrl = "https://secrets.example.com";
    try (ConfigurableApplicationContext third = start(dataDir, secondUrl)) {
      ServiceKey after = TestData.bootstrapKey(dataDir);
      assertThat(after.url()).isEqualTo(secondUrl);
      assertThat(after.serviceurls().aiApiUrl()).isEqualTo(secondUrl);
      assertThat(after.clientid()).isEqualTo(before.clientid());
      assertThat(after.clientsecret()).isEqualTo(before.clientsecret());
      assertThat(new ApiClient(port(third)).token(after)).isNotBlank();
    }
  }

  @Test
  void healthAnswersUpOnlyWhenTheServiceKeyAndTheAdminExist() throws Exception {
    Path dataDir = TestData.newDataDir("readiness");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
    CompletableFuture<ConfigurableApplicationContext> starting =
        CompletableFuture.supplyAsync(
            () ->
                new SpringApplicationBuilder(RegistrySecretsApplication.class)
                    .run(
                        "--server.port=" + port,
                        "--regsecrets.data-dir=" + dataDir,
                        "--regsecrets.admin-password=readiness-admin-pw"));
    try {
      // As a start-up script does: wait for health, then read the key at once.
      HttpResponse<String> first = null;
      while (first == null && !starting.isCompletedExceptionally()) {
        try {
          HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200) {
            first = answer;
            break;
          }
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        } catch (ConnectException notListeningYet) {
          // Tomcat has not opened the port yet.
        }
        Thread.sleep(2);
      }
      assertThat(first).isNotNull();
      assertThat(dataDir.resolve("service-key.json")).exists();
      assertThat(TestData.bootstrapKey(dataDir).clientsecret()).isNotBlank();
      assertThat(passwordMatches(starting.get(), "readiness-admin-pw")).isTrue();

      // Health follows readiness, which Spring Boot grants only after the ready listeners ran.
      AvailabilityChangeEvent.publish(starting.get(), ReadinessState.REFUSING_TRAFFIC);
      assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(503);
      AvailabilityChangeEvent.publish(starting.get(), ReadinessState.ACCEPTING_TRAFFIC);
      assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    } finally {
      starting.get().close();
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir, String publicUrl) {
    return new SpringApplicationBuilder(RegistrySecretsApplication.class)
        .run(
            "--server.port=0",
            "--regsecrets.data-dir=" + dataDir,
            "--regsecrets.public-url=" + publicUrl);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static String oneTimePassword(String console) {
    Matcher matcher = Pattern.compile("one-time password:\\s+(\\S+)").matcher(console);
    assertThat(matcher.find()).as("the one-time password is printed").isTrue();
    return matcher.group(1);
  }

  private static boolean passwordMatches(ConfigurableApplicationContext context, String password) {
    String hash =
        context
            .getBean(JdbcClient.class)
            .sql("select password_hash from launchpad_user where username = 'admin'")
            .query(String.class)
            .single();
    return !hash.contains(password) && new BCryptPasswordEncoder().matches(password, hash);
  }

  private static List<String> decrypt(ConfigurableApplicationContext context, String name) {
    Ciphertext ciphertext =
        context
            .getBean(JdbcClient.class)
            .sql("select ciphertext, key_id from docker_registry_secret where name = ?")
            .param(name)
            .query((rs, row) -> new Ciphertext(rs.getBytes(1), rs.getLong(2)))
            .single();
    return context
        .getBean(SecretCipher.class)
        .decrypt(ciphertext, TenantId.DEFAULT, SecretName.of(name))
        .registries();
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
