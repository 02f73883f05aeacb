package org.registrysecrets.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request limit per key (a tenant, a client address) that holds across replicas: each replica
 * borrows a few tokens at a time from a bucket in the database ({@link SharedTokenBuckets}) and
 * spends them locally, so the database sees one statement per {@code perSecond / 20} requests, not
 * one per request. Borrowed tokens that are not spent within a second are dropped, so that over any
 * span T all replicas together admit at most {@code burst + perSecond * (T + 1 s)}; a replica that
 * borrowed and then fell quiet can make the others refuse up to one batch early. After a refusal,
 * the key is refused locally until the bucket can have refilled one token, so a flood costs the
 * database nothing.
 */
public final class RateLimiter {

  private static final int MAX_KEYS = 100_000;
  private static final long BORROWED_LIFETIME_MILLIS = 1000;

  private final double perSecond;
  private final TokenBuckets buckets;
  private final String scope;
  private final int batch;
  private final LongSupplier millis;
  private final ConcurrentHashMap<String, Borrowed> borrowed = new ConcurrentHashMap<>();

  RateLimiter(double perSecond, TokenBuckets buckets, String scope, LongSupplier millis) {
    this.perSecond = perSecond;
    this.buckets = buckets;
    this.scope = scope;
    this.batch = Math.max(1, (int) (perSecond / 20));
    this.millis = millis;
  }

  /** A limit that holds across all replicas on this database; {@code scope} names the limit. */
  public static RateLimiter shared(JdbcClient jdbc, String scope, double perSecond, double burst) {
    return new RateLimiter(
        perSecond,
        new SharedTokenBuckets(jdbc, perSecond, burst),
        scope,
        System::currentTimeMillis);
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
    if (borrowed.size() > MAX_KEYS) {
      borrowed.clear();
    }
    Borrowed local = borrowed.computeIfAbsent(key, k -> new Borrowed());
    long now = millis.getAsLong();
    synchronized (local) {
      if (local.tokens > 0 && now - local.borrowedAt < BORROWED_LIFETIME_MILLIS) {
        local.tokens--;
        return 0;
      }
      if (now < local.refusedUntil) {
        return secondsUntil(local.refusedUntil - now);
      }
      int taken = buckets.take(scope + key, batch, now);
      if (taken > 0) {
        local.tokens = taken - 1;
        local.borrowedAt = now;
        return 0;
      }
      local.tokens = 0;
      long refill = (long) Math.ceil(1000 / perSecond);
      local.refusedUntil = now + refill;
      return secondsUntil(refill);
    }
  }

  private static long secondsUntil(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }

  /** The tokens this replica borrowed for one key, and when it may ask again after a refusal. */
  private static final class Borrowed {
    int tokens;
    long borrowedAt;
    long refusedUntil;
  }
}
