package org.registrysecrets.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registrysecrets.server.support.TestData.createBody;
import static org.registrysecrets.server.support.TestData.dockerConfig;
import static org.registrysecrets.server.support.TestData.patchBody;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.registrysecrets.api.wire.ServiceKey;
import org.registrysecrets.server.support.ApiClient.Response;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every change leaves an audit event in its own transaction; without the audit, no change. */
class AuditTrailTests extends ServerTestBase {

  private static final String SECRETS = "/v2/admin/dockerRegistrySecrets";

  @Autowired AuditLog auditLog;
  @Autowired JdbcClient jdbc;

  @Test
  void recordsEachChangeAndEachRefusalWithoutTheData() {
    String tenant = "audit-" + UUID.randomUUID();
    ServiceKey key = serviceKey(tenant, "editor");
    String token = api.token(key);
    String config = dockerConfig("r.io", "audited-user", "audited-password");

    Response created = api.post(SECRETS, token, createBody("audited", config));
    api.post(SECRETS, token, createBody("audited", config));
    api.patch(SECRETS + "/audited", token, patchBody(config));
    api.delete(SECRETS + "/audited", token);

    List<AuditEvent> events = auditLog.recent(TenantId.of(tenant), 10);
    assertThat(events)
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("delete", "success"),
            org.assertj.core.groups.Tuple.tuple("modify", "success"),
            org.assertj.core.groups.Tuple.tuple("create", "AlreadyExists"),
            org.assertj.core.groups.Tuple.tuple("create", "success"));
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.actor()).isEqualTo(key.clientid());
              assertThat(event.secretName()).isEqualTo("audited");
            });
    assertThat(events.get(3).requestId()).isEqualTo(created.header("X-Request-Id"));
    assertThat(events.toString()).doesNotContain("audited-password").doesNotContain("auth");
  }

  @Test
  void refusesTheChangeWhenTheAuditCannotBeWritten() {
    String tenant = "audit-down-" + UUID.randomUUID();
    String token = token(tenant, "editor");
    jdbc.sql("alter table audit_event rename to audit_event_unavailable").update();
    Response response;
    try {
      response = api.post(SECRETS, token, createBody("unaudited", dockerConfig("r.io", "u", "p")));
    } finally {
      jdbc.sql("alter table audit_event_unavailable rename to audit_event").update();
    }

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.errorCode()).isEqualTo("ServiceUnavailable");
    assertThat(api.get(SECRETS + "/unaudited", token).status()).isEqualTo(404);
    assertThat(
            api.get("/v2/admin/resourceQuota/dockerRegistrySecrets", token)
                .json()
                .get("usage")
                .get("count")
                .asInt())
        .isZero();
    assertThat(
            api.post(SECRETS, token, createBody("unaudited", dockerConfig("r.io", "u", "p")))
                .status())
        .isEqualTo(202);
  }
}
