package org.registrysecrets.server.http;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token buckets that every replica shares, as rows of {@code rate_bucket}: one statement takes
 * tokens only if the bucket, refilled up to now, holds them, so replicas never take more than the
 * bucket gives. Time is each replica's wall clock in milliseconds; clocks that differ by a few
 * milliseconds only shift a refill. While the database is unreachable the limit falls back to this
 * replica alone (the requests fail anyway, but a flood must still be cheap to refuse).
 */
final class SharedTokenBuckets implements TokenBuckets {

  private static final String TAKE =
      "update rate_bucket set tokens = least(:burst, tokens + greatest(0, :now - refilled_at)"
          + " * :rate / 1000.0) - :take, refilled_at = greatest(refilled_at, :now)"
          + " where bucket = :bucket and least(:burst, tokens + greatest(0, :now - refilled_at)"
          + " * :rate / 1000.0) >= :take";

  private final JdbcClient jdbc;
  private final double perSecond;
  private final double burst;
  private final LocalTokenBuckets unreachable;

  SharedTokenBuckets(JdbcClient jdbc, double perSecond, double burst) {
    this.jdbc = jdbc;
    this.perSecond = perSecond;
    this.burst = burst;
    this.unreachable = new LocalTokenBuckets(perSecond, burst);
  }

  @Override
  public int take(String bucket, int wanted, long nowMillis) {
    try {
      if (tryTake(bucket, wanted, nowMillis)) {
        return wanted;
      }
      if (wanted > 1 && tryTake(bucket, 1, nowMillis)) {
        return 1;
      }
      return create(bucket, wanted, nowMillis) ? wanted : 0;
    } catch (DataAccessException e) {
      return unreachable.take(bucket, wanted, nowMillis);
    }
  }

  private boolean tryTake(String bucket, int count, long nowMillis) {
    return jdbc.sql(TAKE)
            .param("burst", burst)
            .param("now", nowMillis)
            .param("rate", perSecond)
            .param("take", count)
            .param("bucket", bucket)
            .update()
        == 1;
  }

  /** A new bucket starts full; false if it existed (and had too few tokens). */
  private boolean create(String bucket, int wanted, long nowMillis) {
    if (wanted > burst) {
      return false;
    }
    try {
      return jdbc.sql(
                  "insert into rate_bucket (bucket, tokens, refilled_at) select ?, ?, ?"
                      + " where not exists (select 1 from rate_bucket where bucket = ?)")
              .params(bucket, burst - wanted, nowMillis, bucket)
              .update()
          == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
