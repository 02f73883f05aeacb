package org.registrysecrets.server.instance;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrysecrets.server.support.ServerTestBase;
import org.registrysecrets.server.support.TestData;
import org.slf4j.LoggerFactory;

/** logback.events counts logged events, with no turbo filter on every level check. */
class LogEventMetricsTests extends ServerTestBase {

  /**
   * The server's scrape shows the meter of every level, and logback asks no turbo filter. Whether a
   * warning counts is checked on a logging context of its own below: the test JVM's shared one is
   * stopped and configured again by every other application context the tests start, and a stop
   * drops every listener.
   */
  @Test
  void servesTheMeterWithoutATurboFilter() {
    String scraped =
        api.get("/actuator/prometheus", api.token(TestData.bootstrapKey(DATA_DIR))).body();

    for (String level : List.of("error", "warn", "info", "debug", "trace")) {
      assertThat(scraped).contains("logback_events_total{level=\"" + level + "\"}");
    }
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
}
