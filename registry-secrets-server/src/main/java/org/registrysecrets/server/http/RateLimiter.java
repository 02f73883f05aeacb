package org.registrysecrets.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key (a tenant, a client address). Buckets of quiet keys are dropped so that the
 * map stays small. Limits hold per replica.
 */
public final class RateLimiter {

  private static final int MAX_KEYS = 100_000;

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(double perSecond, double burst) {
    this(perSecond, burst, System::nanoTime);
  }

  RateLimiter(double perSecond, double burst, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /** Whether a limit is set at all; {@code 0} requests per second means unlimited. */
  public boolean enabled() {
    return perSecond > 0;
  }

  /** Takes one request for {@code key}; returns 0 if allowed, else the seconds to wait. */
  public long acquire(String key) {
    if (!enabled()) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    if (buckets.size() > MAX_KEYS) {
      buckets.clear();
    }
    TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond, burst, now));
    return bucket.tryTake(now) ? 0 : bucket.secondsUntilNext();
  }
}
