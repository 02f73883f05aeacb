package org.registrysecrets.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.ServerTestBase;
import tools.jackson.databind.JsonNode;

/** {@code GET /platform/v1/audit-events}: filters, paging, scope and tenant isolation. */
class AuditEventApiTests extends ServerTestBase {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";
  private static final String EVENTS = "/platform/v1/audit-events";

  @Test
  void filtersATenantsEventsBySecretActorAndTime() throws Exception {
    String tenant = "audit-api-" + UUID.randomUUID();
    ServiceKey alice = serviceKey(tenant, "editor");
    ServiceKey bob = serviceKey(tenant, "editor");
    String config = dockerConfig("r.io", "audit-api-user", "audit-api-password");
    api.post(SECRETS, api.token(alice), createBody("first", config));
    Instant between = Instant.now();
    Thread.sleep(20);
    api.post(SECRETS, api.token(bob), createBody("second", config));
    api.patch(SECRETS + "/first", api.token(bob), patchBody(config));
    String reader = api.token(alice);

    JsonNode all = api.get(EVENTS, reader).json();
    JsonNode ofFirst = api.get(EVENTS + "?secret=first", reader).json();
    JsonNode ofBob = api.get(EVENTS + "?actor=" + bob.clientid(), reader).json();
    JsonNode afterwards = api.get(EVENTS + "?from=" + between, reader).json();
    JsonNode before = api.get(EVENTS + "?to=" + between, reader).json();
    JsonNode page = api.get(EVENTS + "?$top=1&$skip=1", reader).json();

    assertThat(all.get("count").asInt()).isEqualTo(3);
    assertThat(all.get("resources").get(0).get("action").asString()).isEqualTo("modify");
    assertThat(all.get("resources").get(0).get("origin").asString()).isEqualTo("api");
    assertThat(ofFirst.get("count").asInt()).isEqualTo(2);
    assertThat(ofBob.get("count").asInt()).isEqualTo(2);
    assertThat(afterwards.get("count").asInt()).isEqualTo(2);
    assertThat(before.get("count").asInt()).isEqualTo(1);
    assertThat(before.get("resources").get(0).get("actor").asString()).isEqualTo(alice.clientid());
    assertThat(page.get("count").asInt()).isEqualTo(3);
    assertThat(page.get("resources")).hasSize(1);
    assertThat(page.get("resources").get(0).get("secretName").asString()).isEqualTo("second");
    assertThat(all.toString()).doesNotContain("audit-api-password").doesNotContain("auths");
  }

  @Test
  void showsNothingOfOtherTenantsAndRefusesReadersWithoutTheScope() {
    String tenant = "audit-mine-" + UUID.randomUUID();
    String other = "audit-other-" + UUID.randomUUID();
    api.post(SECRETS, token(other, "editor"), createBody("theirs", dockerConfig("r.io", "u", "p")));

    Response mine = api.get(EVENTS + "?secret=theirs", token(tenant, "editor"));
    Response viewer = api.get(EVENTS, token(tenant, "viewer"));
    Response anonymous = api.get(EVENTS, null);

    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().get("count").asInt()).isZero();
    assertThat(viewer.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void refusesBadFiltersWithAClearMessage() {
    String reader = token("audit-bad-" + UUID.randomUUID(), "editor");

    Response badTime = api.get(EVENTS + "?from=yesterday", reader);
    Response tooMany = api.get(EVENTS + "?$top=5000", reader);
    Response negative = api.get(EVENTS + "?$skip=-1", reader);

    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.errorMessage()).contains("from must be a date and time");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorMessage()).contains("at most 1000");
    assertThat(negative.status()).isEqualTo(400);
  }
}
