package org.registrysecrets.server.storage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the embedded H2 database back after it closed itself (a full disk makes H2 close its file
 * for good): the pool's connections to the closed database are evicted, and the next connection
 * opens the file again, so writes succeed once there is space, without a restart. PostgreSQL needs
 * none of this: the pool replaces connections the server dropped.
 */
@Component
public class StorageRecovery {

  private static final Logger log = LoggerFactory.getLogger(StorageRecovery.class);

  /** H2's error code for "Database is already closed". */
  private static final int H2_DATABASE_IS_CLOSED = 90098;

  private final DataSource dataSource;

  StorageRecovery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Call after a storage failure: if the database closed itself, its connections go. */
  public void afterFailure(Throwable failure) {
    if (!closedDatabase(failure)) {
      return;
    }
    try {
      HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
      if (pool != null) {
        pool.softEvictConnections();
        log.warn("The database had closed itself; its connections were evicted to reopen it");
      }
    } catch (SQLException notHikari) {
      // Another pool: it has to replace dead connections itself.
    }
  }

  static boolean closedDatabase(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if ((cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IS_CLOSED)
          || cause.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
        return true;
      }
    }
    return false;
  }
}
