package org.registrysecrets.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ServerProcess;
import org.registrysecrets.server.support.TestData;

/**
 * The embedded H2's disk fills up under the running server (a small tmpfs in the server's own mount
 * namespace): writes get 503 and health goes DOWN; once space is freed, writes succeed again within
 * seconds without a restart, and nothing acknowledged is lost.
 */
class H2DiskFullCrashTests {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";

  @Test
  void answers503WhileTheDiskIsFullAndRecoversWithoutARestart() throws Exception {
    assumeTrue(ServerProcess.canMountTmpfs(), "needs root and unshare -m to mount a tmpfs");
    try (ServerProcess server = ServerProcess.startWithDataOnTmpfs(48)) {
      ApiClient api = new ApiClient(server.url());
      String token = api.token(TestData.bootstrapKey(server.dataDir()));
      assertThat(api.post(SECRETS, token, body("before-full")).status()).isEqualTo(202);

      // Given the data folder's disk is full
      Path filler = server.dataDir().resolve("filler");
      fill(filler);

      // Then writes are refused with 503 (H2 may still place a write or two in free pages of its
      // file first), never with a 500, and stay refused
      List<String> refused = new ArrayList<>();
      for (int i = 0; i < 20 && refused.size() < 3; i++) {
        String name = "while-full-" + i;
        ApiClient.Response write = api.post(SECRETS, token, body(name));
        assertThat(write.status()).as(write.toString()).isIn(202, 503);
        if (write.status() == 503) {
          assertThat(write.header("Retry-After")).isNotBlank();
          refused.add(name);
        } else {
          assertThat(refused).as("a write accepted after one was refused").isEmpty();
        }
      }
      assertThat(refused).hasSize(3);
      Thread.sleep(1100); // the health result is reused for a second: the start's check may be it
      assertThat(api.get("/actuator/health", null).status()).isEqualTo(503);

      // When space is freed, the server writes again on its own
      Files.delete(filler);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      int status = 0;
      while (Instant.now().isBefore(deadline) && status != 202) {
        status = api.post(SECRETS, token, body("after-full")).status();
        if (status != 202) {
          Thread.sleep(250);
        }
      }
      assertThat(status).isEqualTo(202);
      Thread.sleep(1100); // the health result is reused for a second
      assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
      assertThat(api.get(SECRETS + "/before-full", token).status()).isEqualTo(200);
      for (String name : refused) {
        assertThat(api.get(SECRETS + "/" + name, token).status()).as(name).isEqualTo(404);
      }
    }
  }

  /** Writes zeros until the disk refuses. */
  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // No space left on device: the disk is full.
    }
  }

  private static String body(String name) {
    return createBody(name, dockerConfig("r.io", "u", "p"));
  }
}
