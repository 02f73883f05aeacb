package org.registrysecrets.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

  @Test
  void allowsTheBurstThenRefillsAtTheRate() {
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);

    now.addAndGet(500_000_000L);

    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isPositive();
  }

  @Test
  void keepsKeysApart() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("noisy");
    }

    assertThat(limiter.acquire("noisy")).isPositive();
    assertThat(limiter.acquire("quiet")).isZero();
  }

  @Test
  void zeroMeansUnlimited() {
    RateLimiter unlimited = new RateLimiter(0, 0, now::get);

    for (int i = 0; i < 1000; i++) {
      assertThat(unlimited.acquire("a")).isZero();
    }
  }
}
