package org.registrysecrets.server.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this process: the limit holds per replica. Buckets of quiet keys are dropped so
 * that the map stays small.
 */
final class LocalTokenBuckets implements TokenBuckets {

  private static final int MAX_KEYS = 100_000;

  private final double perSecond;
  private final double burst;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  LocalTokenBuckets(double perSecond, double burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  @Override
  public int take(String bucket, int wanted, long nowMillis) {
    if (buckets.size() > MAX_KEYS) {
      buckets.clear();
    }
    return buckets
        .computeIfAbsent(bucket, k -> new TokenBucket(perSecond, burst, nowMillis))
        .take(wanted, nowMillis);
  }
}
