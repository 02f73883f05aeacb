package org.registrysecrets.server.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.registrysecrets.server.storage.SqlValues;
import org.registrysecrets.server.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit events. A successful change is recorded in the change's own transaction, so both
 * commit or neither does; a refused change is recorded after its transaction rolled back, in a
 * transaction of its own.
 */
@Component
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Records a change within the caller's transaction.
   *
   * @throws AuditWriteFailedException if it cannot be written, which rolls the change back
   */
  public void record(AuditEvent event) {
    try {
      insert(event);
    } catch (DataAccessException e) {
      throw new AuditWriteFailedException(e);
    }
  }

  /**
   * Records a refused change on its own; a failure here is logged, not thrown. Called outside any
   * transaction: one that rolls back would take the record with it, and a nested one would hold a
   * second pooled connection.
   */
  public void recordRefusal(AuditEvent event) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("A refusal is audited after its transaction ended");
    }
    try {
      transaction.executeWithoutResult(status -> insert(event));
    } catch (RuntimeException e) {
      log.warn(
          "Could not audit refused {} of {}: {}",
          event.action(),
          event.secretName(),
          e.getClass().getSimpleName());
    }
  }

  /** The newest events of a tenant, newest first. */
  public List<AuditEvent> recent(TenantId tenant, int limit) {
    return find(tenant, new AuditQuery(null, null, null, null, limit, 0)).events();
  }

  /** A tenant's events that match {@code query}, newest first, and how many match in all. */
  public AuditPage find(TenantId tenant, AuditQuery query) {
    List<String> conditions = new ArrayList<>(List.of("tenant = ?"));
    List<Object> params = new ArrayList<>(List.of(tenant.value()));
    if (query.secret() != null) {
      conditions.add("secret_name = ?");
      params.add(query.secret());
    }
    if (query.actor() != null) {
      conditions.add("actor = ?");
      params.add(query.actor());
    }
    if (query.from() != null) {
      conditions.add("occurred_at >= ?");
      params.add(SqlValues.utc(query.from()));
    }
    if (query.to() != null) {
      conditions.add("occurred_at < ?");
      params.add(SqlValues.utc(query.to()));
    }
    String where = " from audit_event where " + String.join(" and ", conditions);
    long count = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(query.top());
    pageParams.add(query.skip());
    List<AuditEvent> events =
        jdbc.sql(
                "select occurred_at, tenant, actor, origin, action, secret_name, outcome,"
                    + " request_id"
                    + where
                    + " order by id desc limit ? offset ?")
            .params(pageParams)
            .query(
                (rs, row) ->
                    new AuditEvent(
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        TenantId.of(rs.getString("tenant")),
                        rs.getString("actor"),
                        rs.getString("origin"),
                        rs.getString("action"),
                        rs.getString("secret_name"),
                        rs.getString("outcome"),
                        rs.getString("request_id")))
            .list();
    return new AuditPage(count, events);
  }

  /**
   * Deletes up to {@code batch} events that occurred before {@code cutoff}, oldest first, in one
   * short transaction; returns how many.
   */
  int deleteBefore(Instant cutoff, int batch) {
    return AuditTables.deleteBefore(jdbc, transaction, "audit_event", cutoff, batch);
  }

  private void insert(AuditEvent event) {
    jdbc.sql(
            "insert into audit_event (occurred_at, tenant, actor, origin, action, secret_name,"
                + " outcome, request_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            SqlValues.utc(event.occurredAt()),
            event.tenant().value(),
            SqlValues.fit(event.actor(), 256),
            SqlValues.fit(event.origin(), 64),
            event.action(),
            SqlValues.fit(event.secretName(), 256),
            event.outcome(),
            SqlValues.fit(event.requestId(), 64))
        .update();
  }
}
