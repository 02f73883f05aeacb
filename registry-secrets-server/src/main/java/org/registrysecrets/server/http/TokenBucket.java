package org.registrysecrets.server.http;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Thread-safe and
 * allocation-free per call.
 */
final class TokenBucket {

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long lastMillis;

  TokenBucket(double perSecond, double burst, long nowMillis) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.lastMillis = nowMillis;
  }

  /**
   * Takes {@code wanted} tokens if there are that many, else one if there is one; returns how many.
   */
  synchronized int take(int wanted, long nowMillis) {
    double refill = Math.max(0, nowMillis - lastMillis) / 1000.0 * perSecond;
    tokens = Math.min(burst, tokens + refill);
    lastMillis = Math.max(lastMillis, nowMillis);
    int taken = tokens >= wanted ? wanted : tokens >= 1 ? 1 : 0;
    tokens -= taken;
    return taken;
  }
}
