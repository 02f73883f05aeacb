package org.registrysecrets.server.audit;

import java.time.Instant;
import java.util.Objects;
import org.registrysecrets.server.storage.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What the two audit tables share: deleting what outlived the retention, a batch at a time. */
final class AuditTables {

  private AuditTables() {}

  /**
   * Deletes up to {@code batch} rows of {@code table} that occurred before {@code cutoff}, oldest
   * first, in one short transaction; returns how many.
   */
  static int deleteBefore(
      JdbcClient jdbc, TransactionTemplate transaction, String table, Instant cutoff, int batch) {
    Integer deleted =
        transaction.execute(
            status ->
                jdbc.sql(
                        "delete from "
                            + table
                            + " where id in (select id from "
                            + table
                            + " where occurred_at < ? order by id limit ?)")
                    .params(SqlValues.utc(cutoff), batch)
                    .update());
    return Objects.requireNonNullElse(deleted, 0);
  }
}
