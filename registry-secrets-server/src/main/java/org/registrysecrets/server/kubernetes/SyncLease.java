package org.registrysecrets.server.kubernetes;

import java.time.Instant;
import org.registrysecrets.server.storage.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database lease that lets one replica deliver and reconcile at a time. */
class SyncLease {

  static final String NAME = "kubernetes-sync";

  private final JdbcClient jdbc;

  SyncLease(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Becomes or stays leader until {@code until}; false if another replica holds a live lease. */
  boolean lead(String owner, Instant now, Instant until) {
    return jdbc.sql(
                "update sync_lock set owner = ?, expires_at = ? where name = ?"
                    + " and (owner = ? or expires_at < ?)")
            .params(owner, SqlValues.utc(until), NAME, owner, SqlValues.utc(now))
            .update()
        == 1;
  }

  void release(String owner) {
    jdbc.sql("update sync_lock set expires_at = ? where name = ? and owner = ?")
        .params(SqlValues.utc(Instant.EPOCH), NAME, owner)
        .update();
  }
}
