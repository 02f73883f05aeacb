package org.registrysecrets.server.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a derived login is renewed: at half its life at the latest, up to a tenth of its life
 * earlier (jitter, so that logins made together do not renew together). After a failure, again
 * soon, then less often, but always within the login's remaining life.
 */
final class RenewalSchedule {

  private static final Duration SOONEST = Duration.ofSeconds(30);
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

  private RenewalSchedule() {}

  /** When to renew a login obtained at {@code issuedAt} that expires at {@code expiresAt}. */
  static Instant renewAt(Instant issuedAt, Instant expiresAt) {
    long life = Math.max(0, Duration.between(issuedAt, expiresAt).toMillis());
    long jitter = ThreadLocalRandom.current().nextLong(life / 10 + 1);
    return later(issuedAt.plusMillis(life / 2 - jitter), issuedAt.plus(SOONEST));
  }

  /**
   * When to try again after the {@code failures}-th failure in a row at {@code now}: 1, 2, 4 ...
   * minutes, at most an eighth of what is left of the login's life (and at most an hour), so that
   * several tries fit before it expires.
   */
  static Instant retryAt(Instant now, int failures, Instant expiresAt) {
    Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(failures, 6));
    Duration left = Duration.between(now, expiresAt).dividedBy(8);
    Duration wait = backoff;
    if (left.compareTo(wait) < 0) {
      wait = left;
    }
    if (wait.compareTo(Duration.ofHours(1)) > 0) {
      wait = Duration.ofHours(1);
    }
    return later(now.plus(wait), now.plus(SOONEST));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
