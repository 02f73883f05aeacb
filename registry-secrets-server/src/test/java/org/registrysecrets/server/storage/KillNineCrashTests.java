package org.registrysecrets.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.EmbeddedPostgresInitializer;
import org.registrysecrets.server.support.SecretLifecycle;
import org.registrysecrets.server.support.ServerProcess;
import org.registrysecrets.server.support.StoredChanges;
import org.registrysecrets.server.support.TestData;

/**
 * The server jar killed with SIGKILL while writers create, edit and delete, then started again,
 * several times: every acknowledged change is there, nothing is there twice, an unacknowledged
 * change is either wholly applied or not at all, and the audit trail has exactly one event per
 * applied change. {@code reliability.kills} sets the number of kills (the {@code reliability}
 * profile: 25).
 */
class KillNineCrashTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final int KILLS = Integer.getInteger("reliability.kills", 1);
  private static final int WRITERS = 4;

  @Test
  void acknowledgedChangesSurviveKillNineOnH2() throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      survivesKills(server, null);
    }
  }

  @Test
  void acknowledgedChangesSurviveKillNineOnPostgres() throws Exception {
    String database = "crash_" + UUID.randomUUID().toString().replace("-", "");
    var postgres = EmbeddedPostgresInitializer.server();
    try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
      admin.createStatement().execute("create database " + database);
    }
    String url = postgres.getJdbcUrl("postgres", database);
    try (ServerProcess server =
        ServerProcess.start(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.hikari.connection-init-sql=SET synchronous_commit TO on")) {
      survivesKills(server, url);
    }
  }

  private void survivesKills(ServerProcess server, String postgresUrl) throws Exception {
    ApiClient api = new ApiClient(server.url());
    String token = api.token(TestData.bootstrapKey(server.dataDir()));
    String tenant = TestData.bootstrapKey(server.dataDir()).identityzone();
    List<Writer> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      writers.add(new Writer("crash-" + UUID.randomUUID().toString().substring(0, 8)));
    }
    for (int kill = 0; kill < KILLS; kill++) {
      // Given writers busy creating, editing and deleting
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> busy = new ArrayList<>();
      String current = token;
      for (Writer writer : writers) {
        busy.add(pool.submit(() -> writer.work(api, current, running)));
      }
      Thread.sleep(ThreadLocalRandom.current().nextLong(400, 1500));

      // When the server is killed mid-write
      server.kill();
      running.set(false);
      for (Future<?> future : busy) {
        future.get();
      }
      pool.shutdown();

      // Then each secret is what its acknowledged changes made it, give or take the one in
      // flight, with one audit event per change it had (read from the database files at rest)
      try (Connection database = open(server, postgresUrl)) {
        for (Writer writer : writers) {
          writer.verify(database, tenant);
        }
      }

      // And the restarted server serves exactly that
      server.restart();
      token = api.token(TestData.bootstrapKey(server.dataDir()));
      for (Writer writer : writers) {
        writer.verifyServed(api, token);
      }
    }
  }

  /** The stopped server's database: its H2 file, or its PostgreSQL database. */
  private static Connection open(ServerProcess server, String postgresUrl) throws Exception {
    return postgresUrl != null
        ? DriverManager.getConnection(postgresUrl, "postgres", "")
        : DriverManager.getConnection(
            "jdbc:h2:file:" + server.dataDir().resolve("registry-secrets"), "sa", "");
  }

  /** One writer's secrets, changed in order: create, edit, edit, delete, then the next name. */
  private static final class Writer {

    private final String prefix;
    private int sequence;
    private int step;
    private int acknowledgedSteps;
    private boolean inFlight;

    Writer(String prefix) {
      this.prefix = prefix;
    }

    private String name() {
      return prefix + "-" + sequence;
    }

    void work(ApiClient api, String token, AtomicBoolean running) {
      while (running.get()) {
        inFlight = true;
        int status;
        try {
          status = SecretLifecycle.send(api, token, name(), step);
        } catch (UncheckedIOException killed) {
          return; // the server died under this request: it stays in flight
        }
        assertThat(status).as("%s step %d", name(), step).isEqualTo(202);
        inFlight = false;
        acknowledgedSteps = step + 1;
        step++;
        if (step == 4) {
          step = 0;
          acknowledgedSteps = 0;
          sequence++;
        }
      }
    }

    void verify(Connection database, String tenant) throws Exception {
      int actualSteps = stepsOf(StoredChanges.version(database, tenant, name()));
      if (inFlight) {
        assertThat(actualSteps).as(name()).isIn(acknowledgedSteps, acknowledgedSteps + 1);
      } else {
        assertThat(actualSteps).as(name()).isEqualTo(acknowledgedSteps);
      }
      assertThat(StoredChanges.audited(database, tenant, name()))
          .as("audit of " + name())
          .isEqualTo(actualSteps);
      for (int earlier = 0; earlier < sequence; earlier++) {
        assertThat(StoredChanges.version(database, tenant, prefix + "-" + earlier))
            .as("deleted before this kill")
            .isZero();
      }
      // Continue from what was stored: the in-flight change either happened or did not.
      step = actualSteps;
      acknowledgedSteps = actualSteps;
      inFlight = false;
      if (step == 4) {
        step = 0;
        acknowledgedSteps = 0;
        sequence++;
      }
    }

    void verifyServed(ApiClient api, String token) {
      ApiClient.Response read = api.get(SECRETS + "/" + name(), token);
      if (step == 0) {
        assertThat(read.status()).isEqualTo(404);
      } else {
        assertThat(read.header("ETag")).isEqualTo("\"" + step + "\"");
      }
    }

    /** 0: never created; 1: created (version 1); 2, 3: edited; 4: deleted after two edits. */
    private int stepsOf(long version) {
      if (version == 0) {
        return acknowledgedSteps >= 3 ? 4 : 0;
      }
      return (int) version;
    }
  }
}
