package org.registrysecrets.server.http;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Thread-safe and
 * allocation-free per call.
 */
final class TokenBucket {

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long lastNanos;

  TokenBucket(double perSecond, double burst, long nowNanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Takes one token if there is one. */
  synchronized boolean tryTake(long nowNanos) {
    double refill = (nowNanos - lastNanos) / 1e9 * perSecond;
    tokens = Math.min(burst, tokens + refill);
    lastNanos = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Seconds until the next token, for {@code Retry-After}. */
  synchronized long secondsUntilNext() {
    return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
  }
}
