package org.registrysecrets.server.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** At half a login's life at the latest, jittered by at most a tenth; retries that fit its life. */
class RenewalScheduleTests {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  @RepeatedTest(50)
  void renewsBetweenTwoFifthsAndHalfOfTheLife() {
    for (Duration life :
        new Duration[] {Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(12)}) {
      Instant at = RenewalSchedule.renewAt(NOW, NOW.plus(life));
      assertThat(at)
          .isBetween(NOW.plus(life.multipliedBy(4).dividedBy(10)), NOW.plus(life.dividedBy(2)));
    }
  }

  @Test
  void neverSoonerThanHalfAMinuteEvenForALoginThatIsAlmostGone() {
    assertThat(RenewalSchedule.renewAt(NOW, NOW.plusSeconds(10))).isEqualTo(NOW.plusSeconds(30));
    assertThat(RenewalSchedule.renewAt(NOW, NOW.minusSeconds(10))).isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void retriesDoubleUpToAnEighthOfTheRemainingLifeAndAnHour() {
    Instant expires = NOW.plus(Duration.ofHours(12));
    assertThat(RenewalSchedule.retryAt(NOW, 0, expires)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    assertThat(RenewalSchedule.retryAt(NOW, 3, expires)).isEqualTo(NOW.plus(Duration.ofMinutes(8)));
    assertThat(RenewalSchedule.retryAt(NOW, 30, expires)).isEqualTo(NOW.plus(Duration.ofHours(1)));
    Instant soon = NOW.plus(Duration.ofMinutes(16));
    assertThat(RenewalSchedule.retryAt(NOW, 5, soon)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
  }
}
