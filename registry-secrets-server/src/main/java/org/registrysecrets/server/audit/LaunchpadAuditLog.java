package org.registrysecrets.server.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.registrysecrets.server.storage.SqlValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Launchpad's own record of changes its users made through remote connections. Written after
 * the remote call answered, in a transaction of its own; a failure to write is logged.
 */
@Component
public class LaunchpadAuditLog {

  private static final Logger log = LoggerFactory.getLogger(LaunchpadAuditLog.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  LaunchpadAuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  public void record(LaunchpadAuditEvent event) {
    try {
      transaction.executeWithoutResult(
          status ->
              jdbc.sql(
                      "insert into launchpad_audit_event (occurred_at, username, connection,"
                          + " action, secret_name, outcome) values (?, ?, ?, ?, ?, ?)")
                  .params(
                      SqlValues.utc(event.occurredAt()),
                      SqlValues.fit(event.username(), 64),
                      SqlValues.fit(event.connection(), 64),
                      event.action(),
                      SqlValues.fit(event.secretName(), 256),
                      SqlValues.fit(event.outcome(), 64))
                  .update());
    } catch (RuntimeException e) {
      log.warn(
          "Could not record {}'s {} of {} on {}: {}",
          event.username(),
          event.action(),
          event.secretName(),
          event.connection(),
          e.getClass().getSimpleName());
    }
  }

  /** The newest {@code limit} events of one secret of a connection, newest first. */
  public List<LaunchpadAuditEvent> ofSecret(String connection, String secret, int limit) {
    return jdbc.sql(
            "select occurred_at, username, connection, action, secret_name, outcome"
                + " from launchpad_audit_event where connection = ? and secret_name = ?"
                + " order by id desc limit ?")
        .params(connection, secret, limit)
        .query(
            (rs, row) ->
                new LaunchpadAuditEvent(
                    rs.getObject(1, OffsetDateTime.class).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  int deleteBefore(Instant cutoff, int batch) {
    return AuditTables.deleteBefore(jdbc, transaction, "launchpad_audit_event", cutoff, batch);
  }
}
