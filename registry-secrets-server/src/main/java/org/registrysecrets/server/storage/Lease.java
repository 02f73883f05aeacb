package org.registrysecrets.server.storage;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A named database lease (a row of {@code sync_lock}) that lets one replica at a time do a job: the
 * Kubernetes sync, the audit retention. A leader that dies stops renewing; another takes over once
 * the lease expired.
 */
public final class Lease {

  private static final Logger log = LoggerFactory.getLogger(Lease.class);

  private final JdbcClient jdbc;
  private final String name;
  private volatile boolean leading;

  public Lease(JdbcClient jdbc, String name) {
    this.jdbc = jdbc;
    this.name = name;
  }

  /** Becomes or stays leader until {@code until}; false if another replica holds a live lease. */
  public boolean lead(String owner, Instant now, Instant until) {
    boolean leads =
        jdbc.sql(
                    "update sync_lock set owner = ?, expires_at = ? where name = ?"
                        + " and (owner = ? or expires_at < ?)")
                .params(owner, SqlValues.utc(until), name, owner, SqlValues.utc(now))
                .update()
            == 1;
    if (leads != leading) {
      leading = leads;
      log.info(leads ? "This replica now leads '{}'" : "This replica no longer leads '{}'", name);
    }
    return leads;
  }

  public void release(String owner) {
    leading = false;
    jdbc.sql("update sync_lock set expires_at = ? where name = ? and owner = ?")
        .params(SqlValues.utc(Instant.EPOCH), name, owner)
        .update();
  }
}
