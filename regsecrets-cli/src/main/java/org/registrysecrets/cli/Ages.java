package org.registrysecrets.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Ages as people type them: {@code 90d}, {@code 36h}, {@code 45m}, {@code 30s}. */
final class Ages {

  private static final Pattern AGE = Pattern.compile("(\\d{1,6})([smhd])");

  private Ages() {}

  /** The duration {@code value} names, or {@code null} if it is not an age. */
  static @Nullable Duration parse(String value) {
    Matcher age = AGE.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!age.matches()) {
      return null;
    }
    Duration unit =
        switch (age.group(2)) {
          case "s" -> Duration.ofSeconds(1);
          case "m" -> Duration.ofMinutes(1);
          case "h" -> Duration.ofHours(1);
          default -> Duration.ofDays(1);
        };
    return unit.multipliedBy(Long.parseLong(age.group(1)));
  }
}
