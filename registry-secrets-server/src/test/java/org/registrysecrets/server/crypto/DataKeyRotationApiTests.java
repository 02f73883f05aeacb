package org.registrysecrets.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.SecretName;
import org.registrysecrets.server.secret.DockerRegistrySecretService;
import org.registrysecrets.server.support.ApiClient;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Data keys rotate while the API is busy: two rotations under a load of reads and writes, every row
 * sealed again in the background, the old keys disabled; no request fails and every stored value
 * (current contents, kept versions, webhook secrets) still opens.
 */
class DataKeyRotationApiTests extends ServerTestBase {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final String KEYS = "/platform/v1/data-keys";

  @Autowired DataKeyReseal reseal;
  @Autowired DockerRegistrySecretService secrets;

  @Test
  void rotatesUnderLoadWithoutAFailedRequestOrAnUnreadableRow() throws Exception {
    String admin = api.token(bootstrapKey());
    String tenant = "rotate-" + UUID.randomUUID();
    String editor = token(tenant, "editor");
    int count = 20;
    for (int i = 0; i < count; i++) {
      assertThat(api.post(SECRETS, editor, createBody("s" + i, config(i, 0))).status())
          .isEqualTo(202);
    }
    assertThat(
            api.post(
                    "/platform/v1/webhooks",
                    editor,
                    "{\"url\":\"https://93.184.216.34/hook\",\"secret\":\"rotation-webhook-secret\"}")
                .status())
        .isEqualTo(201);
    assertThat(api.get(KEYS, editor).status()).isEqualTo(403);

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger requests = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService load = Executors.newFixedThreadPool(4);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      workers.add(
          load.submit(
              () -> {
                ApiClient client = new ApiClient(port);
                while (running.get()) {
                  int i = ThreadLocalRandom.current().nextInt(count);
                  Response response =
                      switch (ThreadLocalRandom.current().nextInt(3)) {
                        case 0 ->
                            client.patch(
                                SECRETS + "/s" + i, editor, patchBody(config(i, requests.get())));
                        case 1 -> client.get(SECRETS + "/s" + i, editor);
                        default ->
                            // Opens the stored credentials: a read that needs the keys.
                            client.post(
                                SECRETS + "/s" + i + "/pull-check",
                                editor,
                                "{\"images\":[\"quay.io/x/y:1\"]}");
                      };
                  requests.incrementAndGet();
                  if (response.status() >= 300) {
                    failures.add(response.status() + " " + response.body());
                  }
                }
                return null;
              }));
    }

    List<Long> oldKeys = new ArrayList<>();
    for (int rotation = 0; rotation < 2; rotation++) {
      Thread.sleep(300);
      oldKeys.add(api.get(KEYS, admin).json().get("primary").asLong());
      Response rotated = api.post(KEYS + "/rotate", admin, null);
      assertThat(rotated.status()).isEqualTo(202);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (api.get(KEYS, admin).json().get("rowsToReseal").asLong() > 0) {
        reseal.round();
        assertThat(Instant.now()).isBefore(deadline);
      }
    }
    Thread.sleep(300);
    running.set(false);
    for (Future<?> worker : workers) {
      worker.get();
    }
    load.shutdown();

    assertThat(requests.get()).isGreaterThan(50);
    assertThat(failures).isEmpty();
    JsonNode keys = api.get(KEYS, admin).json();
    assertThat(keys.get("rowsToReseal").asLong()).isZero();
    assertThat(keys.get("keys").size()).isGreaterThanOrEqualTo(3);
    for (JsonNode key : keys.get("keys")) {
      if (!key.get("primary").asBoolean()) {
        assertThat(key.get("rows").asLong()).as(key.toString()).isZero();
      }
    }
    // The primary key cannot be disabled; the old ones can, now that nothing uses them.
    assertThat(
            api.post(KEYS + "/" + keys.get("primary").asLong() + "/disable", admin, null).status())
        .isEqualTo(400);
    for (long old : oldKeys) {
      Response disabled = api.post(KEYS + "/" + old + "/disable", admin, null);
      assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    }
    // Everything still opens with the remaining key: contents, a kept version, webhook delivery
    // secrets (sealed like the rest).
    for (int i = 0; i < count; i++) {
      assertThat(secrets.config(TenantId.of(tenant), SecretName.of("s" + i)).registries())
          .hasSize(1);
    }
    // The oldest kept version, sealed before the first rotation or sealed again since
    JsonNode kept = api.get(SECRETS + "/s0/versions", editor).json().get("resources");
    long oldest = kept.get(kept.size() - 1).get("version").asLong();
    Response restored = api.post(SECRETS + "/s0/versions/" + oldest + "/restore", editor, null);
    assertThat(restored.status()).as(restored.body()).isEqualTo(202);
  }

  @Test
  void refusesToDisableAKeyThatStillSealsRows() {
    String admin = api.token(bootstrapKey());
    String editor = token("rotate-busy-" + UUID.randomUUID(), "editor");
    assertThat(api.post(SECRETS, editor, createBody("kept", config(0, 0))).status()).isEqualTo(202);
    long before = api.get(KEYS, admin).json().get("primary").asLong();
    api.post(KEYS + "/rotate", admin, null);

    Response refused = api.post(KEYS + "/" + before + "/disable", admin, null);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage()).contains("still seals");
    while (reseal.round() > 0) {
      // until every row moved to the new key
    }
  }

  private static String config(int secret, int generation) {
    return dockerConfig("r" + secret + ".example.com", "u", "Rotation-Password-" + generation);
  }
}
