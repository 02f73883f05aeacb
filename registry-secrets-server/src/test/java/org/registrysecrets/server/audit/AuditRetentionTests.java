package org.registrysecrets.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.security.Caller;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Events older than the retention are deleted, by one replica at a time. */
class AuditRetentionTests extends ServerTestBase {

  @Autowired AuditLog audit;
  @Autowired LaunchpadAuditLog launchpadAudit;
  @Autowired AuditRetention retention;
  @Autowired JdbcClient jdbc;
  @Autowired AuditProperties properties;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void deletesWhatOutlivedTheRetentionAndKeepsTheRest() {
    TenantId tenant = TenantId.of("retention-" + UUID.randomUUID());
    Instant old = Instant.now().minus(properties.retention()).minus(Duration.ofDays(1));
    Instant recent = Instant.now().minus(properties.retention()).plus(Duration.ofDays(1));
    // More than one deletion batch, written in one transaction to keep the test quick.
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              for (int i = 0; i < 1_500; i++) {
                audit.record(event(tenant, old, "old-" + i));
              }
            });
    audit.recordRefusal(event(tenant, recent, "recent"));
    launchpadAudit.record(
        new LaunchpadAuditEvent(old, "someone", "remote", "create", "old-remote", "success"));
    releaseLease();

    int deleted = retention.prune();

    assertThat(deleted).isGreaterThanOrEqualTo(1_501);
    assertThat(audit.recent(tenant, 10))
        .extracting(AuditEvent::secretName)
        .containsExactly("recent");
    assertThat(launchpadAudit.ofSecret("remote", "old-remote", 10)).isEmpty();
  }

  @Test
  void aReplicaWithoutTheLeaseDeletesNothing() {
    TenantId tenant = TenantId.of("retention-lease-" + UUID.randomUUID());
    Instant old = Instant.now().minus(properties.retention()).minus(Duration.ofDays(1));
    audit.recordRefusal(event(tenant, old, "kept-while-another-leads"));
    jdbc.sql("update sync_lock set owner = 'another-replica', expires_at = ? where name = ?")
        .params(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), AuditRetention.LEASE)
        .update();
    try {
      assertThat(retention.prune()).isZero();
      assertThat(audit.recent(tenant, 10)).hasSize(1);
    } finally {
      releaseLease();
    }
    assertThat(retention.prune()).isPositive();
    assertThat(audit.recent(tenant, 10)).isEmpty();
  }

  private void releaseLease() {
    jdbc.sql("update sync_lock set owner = '', expires_at = ? where name = ?")
        .params(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), AuditRetention.LEASE)
        .update();
  }

  private static AuditEvent event(TenantId tenant, Instant at, String secret) {
    return new AuditEvent(at, tenant, "sb-test", Caller.API, "create", secret, "BadRequest", "r");
  }
}
