package org.registrysecrets.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.RegistrySecretsApplication;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.TestData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL goes away under a loaded server and comes back: meanwhile every call that needs it is
 * a 503 with {@code Retry-After} and health is DOWN, never a 500; afterwards the server serves
 * again by itself, with every acknowledged write kept. {@code reliability.outage} sets how long the
 * database stays away (the {@code reliability} profile: 30 s).
 */
class PostgresOutageTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final long OUTAGE_SECONDS = Long.getLong("reliability.outage", 2);

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
    Path pgData = TestData.newDataDir("outage-pg");
    int pgPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      pgPort = socket.getLocalPort();
    }
    EmbeddedPostgres postgres = start(pgData, pgPort);
    Path dataDir = TestData.newDataDir("outage");
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(RegistrySecretsApplication.class)
            .run(
                "--server.port=0",
                "--regsecrets.data-dir=" + dataDir,
                "--regsecrets.issuer.revocation-cache-ttl=0s",
                // The load writes far more than SAP's 50 secrets, as fast as it can.
                "--regsecrets.secrets.max-count=1000000",
                "--regsecrets.api.tenant-requests-per-second=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.connection-init-sql=SET synchronous_commit TO on")) {
      ApiClient api =
          new ApiClient(((WebServerApplicationContext) server).getWebServer().getPort());
      String token = api.token(TestData.bootstrapKey(dataDir));
      assertThat(api.post(SECRETS, token, body("before")).status()).isEqualTo(202);

      // Given writers and readers busy, and the database gone for a while
      Load load = new Load(api, token);
      load.start();
      Thread.sleep(500);
      postgres.close();
      load.markDown(true);
      Thread.sleep(OUTAGE_SECONDS * 1000);

      // Then every call that needs it says so, quickly, and changes nothing
      for (Response response :
          new Response[] {
            api.post(SECRETS, token, body("during")),
            api.get(SECRETS, token),
            api.tokenResponse(
                TestData.bootstrapKey(dataDir).clientid(),
                TestData.bootstrapKey(dataDir).clientsecret())
          }) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isNotBlank();
      }
      assertThat(api.get("/actuator/health", null).status()).isEqualTo(503);

      // When it is back, the server serves again on its own
      load.markDown(false);
      postgres = start(pgData, pgPort);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      int status = 0;
      while (Instant.now().isBefore(deadline) && status != 202) {
        status = api.post(SECRETS, token, body("after")).status();
        Thread.sleep(200);
      }
      assertThat(status).isEqualTo(202);
      assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
      assertThat(api.get(SECRETS + "/before", token).status()).isEqualTo(200);
      assertThat(api.get(SECRETS + "/during", token).status()).isEqualTo(404);
      load.stop();
      assertThat(load.unexpected()).as("answers other than 200, 202 and 503").isEmpty();
      assertThat(load.answeredWhileDown())
          .as("answers while the database was down")
          .containsOnly(503);
      for (String name : load.acknowledged()) {
        assertThat(api.get(SECRETS + "/" + name, token).status()).as(name).isEqualTo(200);
      }
    } finally {
      postgres.close();
    }
  }

  /** Four clients creating and listing secrets in a loop, recording what they were told. */
  private static final class Load {

    private final ApiClient api;
    private final String token;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean down = new AtomicBoolean(false);
    private final AtomicInteger names = new AtomicInteger();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> whileDown = new ConcurrentLinkedQueue<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final ExecutorService clients = Executors.newFixedThreadPool(4);

    Load(ApiClient api, String token) {
      this.api = api;
      this.token = token;
    }

    void start() {
      for (int i = 0; i < 4; i++) {
        boolean writer = i % 2 == 0;
        clients.submit(
            () -> {
              while (running.get()) {
                boolean wasDown = down.get();
                String name = "load-" + names.incrementAndGet();
                int status =
                    writer
                        ? api.post(SECRETS, token, body(name)).status()
                        : api.get(SECRETS, token).status();
                if (status != 200 && status != 202 && status != 503) {
                  unexpected.add(status + (writer ? " for POST " + name : " for GET"));
                }
                if (wasDown && down.get()) {
                  whileDown.add(status);
                }
                if (writer && status == 202) {
                  acknowledged.add(name);
                }
              }
            });
      }
    }

    void markDown(boolean isDown) {
      down.set(isDown);
    }

    void stop() throws InterruptedException {
      running.set(false);
      clients.shutdown();
      clients.awaitTermination(30, TimeUnit.SECONDS);
    }

    List<String> unexpected() {
      return List.copyOf(unexpected);
    }

    List<Integer> answeredWhileDown() {
      return List.copyOf(whileDown);
    }

    List<String> acknowledged() {
      return List.copyOf(acknowledged);
    }
  }

  private static EmbeddedPostgres start(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static String body(String name) {
    return createBody(name, dockerConfig("r.io", "u", "p"));
  }
}
