package org.registrysecrets.server.secret.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.Concurrently;
import org.registrysecrets.server.support.ServerTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many writers at once get the real outcome of their request, never a stall or a 503, and every
 * refusal is in the audit trail. {@code reliability.rounds} and {@code reliability.crowd} scale it
 * ({@code -Preliability}: 50 rounds, 256 writers).
 */
class ContentionApiTests extends ServerTestBase {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final int ROUNDS = Integer.getInteger("reliability.rounds", 3);
  private static final int CROWD = Integer.getInteger("reliability.crowd", 64);

  @Autowired JdbcClient jdbc;

  @Test
  void everyFirstCreateOfFreshTenantsIsAcceptedBelowTheQuota() throws Exception {
    List<Callable<Integer>> creates = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      String token = token("fresh-" + UUID.randomUUID(), "editor");
      for (int i = 0; i < 32; i++) {
        String body = createBody("first-" + i, dockerConfig("r.io", "u", "p"));
        creates.add(() -> api.post(SECRETS, token, body).status());
      }
    }

    assertThat(counts(Concurrently.run(creates))).isEqualTo(Map.of(202, 320L));
  }

  @Test
  void conditionalWritersOfOneSecretGetOneWinnerAndPreconditionFailedForTheRest() throws Exception {
    String tenant = "contended-" + UUID.randomUUID();
    String token = token(tenant, "editor");
    assertThat(api.post(SECRETS, token, createBody("hot", dockerConfig("r.io", "u", "p"))).status())
        .isEqualTo(202);

    for (int round = 0; round < ROUNDS; round++) {
      String etag = api.get(SECRETS + "/hot", token).header("ETag");
      List<Callable<Integer>> writers = new ArrayList<>();
      for (int i = 0; i < CROWD; i++) {
        String body = patchBody(dockerConfig("r.io", "u", "password-" + round + "-" + i));
        writers.add(() -> api.patch(SECRETS + "/hot", token, body, "If-Match", etag).status());
      }

      assertThat(counts(Concurrently.run(writers)))
          .as("round %d", round)
          .isEqualTo(Map.of(202, 1L, 412, (long) CROWD - 1));
    }
    assertThat(audited(tenant, "modify", "PreconditionFailed")).isEqualTo(ROUNDS * (CROWD - 1L));
    assertThat(audited(tenant, "modify", "success")).isEqualTo(ROUNDS);
  }

  @Test
  void creatorsOfOneNameGetOneCreatedAndConflictForTheRest() throws Exception {
    String tenant = "same-name-" + UUID.randomUUID();
    String token = token(tenant, "editor");
    List<Callable<Integer>> creators = new ArrayList<>();
    for (int i = 0; i < CROWD; i++) {
      String body = createBody("only-once", dockerConfig("r.io", "u", "p-" + i));
      creators.add(() -> api.post(SECRETS, token, body).status());
    }

    assertThat(counts(Concurrently.run(creators)))
        .isEqualTo(Map.of(202, 1L, 409, (long) CROWD - 1));
    assertThat(audited(tenant, "create", "AlreadyExists")).isEqualTo(CROWD - 1L);
    assertThat(
            api.get("/v2/admin/resourceQuota/dockerRegistrySecrets", token)
                .json()
                .get("usage")
                .get("count")
                .asInt())
        .isEqualTo(1);
  }

  private long audited(String tenant, String action, String outcome) {
    return jdbc.sql(
            "select count(*) from audit_event where tenant = ? and action = ? and outcome = ?")
        .params(tenant, action, outcome)
        .query(Long.class)
        .single();
  }

  private static Map<Integer, Long> counts(List<Integer> statuses) {
    return statuses.stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
