package org.registrysecrets.server.instance;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.support.TestData;
import org.slf4j.LoggerFactory;

/** logback.events counts logged events, with no turbo filter on every level check. */
class LogEventMetricsTests extends ServerTestBase {

  private static final Pattern WARNINGS =
      Pattern.compile("logback_events_total\\{level=\"warn\"} ([0-9.E]+)");

  @Test
  void countsLoggedEventsByLevelWithoutATurboFilter() {
    String admin = api.token(TestData.bootstrapKey(DATA_DIR));
    double before = warnings(admin);

    LoggerFactory.getLogger(LogEventMetricsTests.class).warn("a warning to count");

    // At least: the server may log a warning of its own meanwhile.
    assertThat(warnings(admin)).isGreaterThanOrEqualTo(before + 1);
    assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
  }

  @Test
  void keepsCountingAfterTheLoggingIsConfiguredAgain() {
    LoggerContext logging = new LoggerContext();
    logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LogEventMetrics metrics = new LogEventMetrics(logging);
    metrics.bindTo(registry);
    Counter warnings = registry.get("logback.events").tag("level", "warn").counter();

    logging.getLogger("a").warn("counted");
    logging.getLogger("a").debug("below the level");
    logging.reset();
    logging.getLogger("b").warn("counted after the reset");
    metrics.close();
    logging.getLogger("c").warn("not counted once closed");

    assertThat(warnings.count()).isEqualTo(2);
    assertThat(registry.get("logback.events").tag("level", "debug").counter().count()).isZero();
  }

  private double warnings(String token) {
    String scraped = api.get("/actuator/prometheus", token).body();
    Matcher count = WARNINGS.matcher(scraped);
    assertThat(count.find()).as(scraped).isTrue();
    return Double.parseDouble(count.group(1));
  }
}
