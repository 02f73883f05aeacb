package org.registrysecrets.server.http;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Which failures mean "the store cannot be used right now" (unreachable, closed, full, timed out, a
 * commit or rollback that failed), as opposed to a bug. They answer 503 with {@code Retry-After},
 * and nothing was changed: the transaction did not commit.
 */
public final class StorageFailures {

  /** Seconds a client should wait before retrying. */
  public static final String RETRY_AFTER = "5";

  static final ApiError ERROR =
      new ApiError(
          ApiErrorCode.SERVICE_UNAVAILABLE,
          "The secret store is unavailable; nothing was changed. Retry later.");

  private StorageFailures() {}

  /** Whether {@code e}, or anything that caused it, is a storage failure. */
  public static boolean isStorageFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof NonTransientDataAccessResourceException
          || cause instanceof TransientDataAccessException
          || cause instanceof RecoverableDataAccessException
          || cause instanceof UncategorizedDataAccessException
          || cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof SQLNonTransientConnectionException
          || cause.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
        return true;
      }
    }
    return false;
  }
}
