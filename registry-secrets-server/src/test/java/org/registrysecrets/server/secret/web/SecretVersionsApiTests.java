package org.registrysecrets.server.secret.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.audit.AuditEvent;
import org.registrysecrets.server.audit.AuditLog;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Kept versions of a secret, listed without content and restored as a new version. */
class SecretVersionsApiTests extends ServerTestBase {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";

  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  private String tenant;
  private String editor;
  private String viewer;

  @BeforeEach
  void tenant() {
    tenant = "versions-" + UUID.randomUUID();
    editor = token(tenant, "editor");
    viewer = token(tenant, "viewer");
  }

  @Test
  void threePatchesMakeFourVersionsAndRestoringTheFirstMakesAFifth() {
    api.post(SECRETS, editor, createBody("kept", dockerConfig("r.io", "u", "Version-1-pw")));
    api.patch(SECRETS + "/kept", editor, patchBody(dockerConfig("r.io", "u", "Version-2-pw")));
    api.patch(SECRETS + "/kept", editor, patchBody(dockerConfig("q.io", "u", "Version-3-pw")));
    api.patch(SECRETS + "/kept", editor, patchBody(dockerConfig("q.io", "u", "Version-4-pw")));

    JsonNode four = api.get(SECRETS + "/kept/versions", viewer).json();
    Response restored = api.post(SECRETS + "/kept/versions/1/restore", editor, null);
    JsonNode five = api.get(SECRETS + "/kept/versions", viewer).json();

    assertThat(four.get("count").asInt()).isEqualTo(4);
    assertThat(four.get("resources").get(0).get("version").asLong()).isEqualTo(4);
    assertThat(four.get("resources").get(0).get("current").asBoolean()).isTrue();
    assertThat(four.get("resources").get(3).get("current").asBoolean()).isFalse();
    assertThat(four.get("resources").get(3).get("registries").toString()).isEqualTo("[\"r.io\"]");
    String firstFingerprint = four.get("resources").get(3).get("fingerprint").asString();
    assertThat(firstFingerprint)
        .hasSize(16)
        .isNotEqualTo(four.get("resources").get(2).get("fingerprint").asString());
    assertThat(restored.status()).as(restored.body()).isEqualTo(202);
    assertThat(restored.header("ETag")).isEqualTo("\"5\"");
    assertThat(restored.json().get("message").asString()).isEqualTo("Secret has been restored");
    JsonNode newest = five.get("resources").get(0);
    assertThat(newest.get("version").asLong()).isEqualTo(5);
    assertThat(newest.get("registries").toString()).isEqualTo("[\"r.io\"]");
    assertThat(newest.get("fingerprint").asString()).isEqualTo(firstFingerprint);
    assertThat(api.get(SECRETS + "/kept", viewer).json().get("registries").toString())
        .isEqualTo("[\"r.io\"]");
    assertThat(audit.recent(TenantId.of(tenant), 1))
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .containsExactly(tuple("restore", "success"));
    String answers = four.toString() + five + restored.body();
    for (int i = 1; i <= 4; i++) {
      assertThat(answers).doesNotContain("Version-" + i + "-pw");
    }
  }

  @Test
  void restoreHonoursIfMatchScopesAndUnknownVersions() {
    api.post(SECRETS, editor, createBody("guarded", dockerConfig("r.io", "u", "p1")));
    api.patch(SECRETS + "/guarded", editor, patchBody(dockerConfig("r.io", "u", "p2")));

    Response stale =
        api.send(
            "POST", SECRETS + "/guarded/versions/1/restore", editor, null, "If-Match", "\"1\"");
    Response byViewer = api.post(SECRETS + "/guarded/versions/1/restore", viewer, null);
    Response unknown = api.post(SECRETS + "/guarded/versions/9/restore", editor, null);
    Response missing = api.get(SECRETS + "/nothing/versions", viewer);
    Response current =
        api.send(
            "POST", SECRETS + "/guarded/versions/1/restore", editor, null, "If-Match", "\"2\"");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(byViewer.status()).isEqualTo(403);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorMessage()).contains("Version 9").contains("guarded");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(current.status()).isEqualTo(202);
    assertThat(current.header("ETag")).isEqualTo("\"3\"");
  }

  @Test
  void restoringAVersionBringsBackTheExpiryItsUserGave() {
    api.post(
        SECRETS,
        editor,
        "{\"name\":\"dated\",\"data\":{\".dockerconfigjson\":\""
            + dockerConfig("r.io", "u", "p1").replace("\"", "\\\"")
            + "\"},\"x-regsecrets\":{\"expiresAt\":\"2999-03-01T00:00:00Z\"}}");
    api.patch(SECRETS + "/dated", editor, patchBody(dockerConfig("r.io", "u", "p2")));
    boolean expiryAfterPatch = api.get(SECRETS + "/dated", viewer).json().has("expiry");

    api.post(SECRETS + "/dated/versions/1/restore", editor, null);
    JsonNode restored = api.get(SECRETS + "/dated", viewer).json().get("expiry");

    assertThat(expiryAfterPatch).isFalse();
    assertThat(restored.get("expiresAt").asString()).isEqualTo("2999-03-01T00:00:00Z");
    assertThat(restored.get("registries").get("r.io").get("source").asString()).isEqualTo("user");
  }

  @Test
  void keepsTheLastTenAndDeleteForgetsThemAll() {
    api.post(SECRETS, editor, createBody("many", dockerConfig("r.io", "u", "p0")));
    for (int i = 1; i <= 11; i++) {
      api.patch(SECRETS + "/many", editor, patchBody(dockerConfig("r.io", "u", "p" + i)));
    }

    List<Long> kept = versionsInTable("many");
    api.delete(SECRETS + "/many", editor);

    assertThat(kept).containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L);
    assertThat(versionsInTable("many")).isEmpty();
  }

  private List<Long> versionsInTable(String name) {
    return jdbc.sql(
            "select version from secret_version where tenant = ? and secret_name = ?"
                + " order by version desc")
        .params(tenant, name)
        .query(Long.class)
        .list();
  }
}
