package org.registrysecrets.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's character rules allow exactly what Spring Security's regular expressions do. */
class HttpFirewallConfigurationTests {

  // StrictHttpFirewall's own expressions (spring-security-web 7)
  private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
  private static final Pattern VALUE =
      Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  @Test
  void agreesWithSpringSecuritysExpressionsOnEveryCodePoint() {
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      String text = "a" + new String(Character.toChars(codePoint)) + "b";
      assertThat(HttpFirewallConfiguration.NAME.test(text))
          .as("name U+%04X", codePoint)
          .isEqualTo(NAME.matcher(text).matches());
      assertThat(HttpFirewallConfiguration.VALUE.test(text))
          .as("value U+%04X", codePoint)
          .isEqualTo(VALUE.matcher(text).matches());
    }
  }

  @Test
  void agreesOnUnpairedSurrogatesAndEmptyText() {
    for (String text : new String[] {"", "\uD800", "x\uDC00", "\uDBFF\uDFFF", "\t", "\u0085"}) {
      assertThat(HttpFirewallConfiguration.NAME.test(text)).isEqualTo(NAME.matcher(text).matches());
      assertThat(HttpFirewallConfiguration.VALUE.test(text))
          .isEqualTo(VALUE.matcher(text).matches());
    }
  }
}
