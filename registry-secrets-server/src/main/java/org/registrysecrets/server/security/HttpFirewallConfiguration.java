package org.registrysecrets.server.security;

import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own character rules for header and parameter names and
 * header values, checked code point by code point instead of by regular expression: the firewall
 * checks every header any filter reads, and its regular expressions were the largest single cost of
 * an authenticated read (about 7% of the CPU under load).
 */
@Configuration(proxyBeanMethods = false)
class HttpFirewallConfiguration {

  /** Assigned and not a control character: {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
  static final Predicate<String> NAME = text -> allCodePoints(text, false);

  /** As {@link #NAME}, and a tab too: {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
  static final Predicate<String> VALUE = text -> allCodePoints(text, true);

  @Bean
  StrictHttpFirewall httpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(NAME);
    firewall.setAllowedHeaderValues(VALUE);
    firewall.setAllowedParameterNames(NAME);
    return firewall;
  }

  private static boolean allCodePoints(String text, boolean tab) {
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c >= ' ' && c < 0x7f) { // printable ASCII, nearly every header: no table lookup
        i++;
        continue;
      }
      int codePoint = text.codePointAt(i);
      boolean allowed =
          Character.isDefined(codePoint)
              && (!Character.isISOControl(codePoint) || (tab && codePoint == '\t'));
      if (!allowed) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }
}
