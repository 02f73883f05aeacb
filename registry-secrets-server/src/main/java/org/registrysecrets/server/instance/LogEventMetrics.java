package org.registrysecrets.server.instance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts the log events of each level as {@code logback.events}, the meter of Micrometer's {@code
 * LogbackMetrics} (left out in application.properties). That one counts in a turbo filter, which
 * logback asks on every level check of every logger, logged or not: about 4% of the CPU time of a
 * read (JFR). An appender on the root logger sees only the events that are logged.
 */
@Component
class LogEventMetrics implements MeterBinder, AutoCloseable {

  private static final String NAME = "logback.events";

  private final ILoggerFactory loggers;
  private @Nullable CountingAppender appender;
  private @Nullable ReattachOnReset listener;

  LogEventMetrics() {
    this(LoggerFactory.getILoggerFactory());
  }

  LogEventMetrics(ILoggerFactory loggers) {
    this.loggers = loggers;
  }

  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    if (!(loggers instanceof LoggerContext context) || appender != null) {
      return;
    }
    CountingAppender counting =
        new CountingAppender(
            counter(registry, "error"),
            counter(registry, "warn"),
            counter(registry, "info"),
            counter(registry, "debug"),
            counter(registry, "trace"));
    counting.setContext(context);
    counting.setName(NAME);
    counting.start();
    root(context).addAppender(counting);
    // A reset (logging configured again, as Spring Boot does for each application context of a
    // JVM) removes every appender: put this one back.
    ReattachOnReset reattach = new ReattachOnReset(counting);
    context.addListener(reattach);
    appender = counting;
    listener = reattach;
  }

  @Override
  public synchronized void close() {
    CountingAppender counting = appender;
    if (counting != null && counting.getContext() instanceof LoggerContext context) {
      if (listener != null) {
        context.removeListener(listener);
      }
      root(context).detachAppender(counting);
      counting.stop();
    }
    appender = null;
    listener = null;
  }

  private static Logger root(LoggerContext context) {
    return context.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private static Counter counter(MeterRegistry registry, String level) {
    return Counter.builder(NAME)
        .tag("level", level)
        .description("Number of log events that were enabled by the effective log level")
        .baseUnit("events")
        .register(registry);
  }

  private static final class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final Counter error;
    private final Counter warn;
    private final Counter info;
    private final Counter debug;
    private final Counter trace;

    CountingAppender(Counter error, Counter warn, Counter info, Counter debug, Counter trace) {
      this.error = error;
      this.warn = warn;
      this.info = info;
      this.debug = debug;
      this.trace = trace;
    }

    @Override
    protected void append(ILoggingEvent event) {
      switch (event.getLevel().toInt()) {
        case Level.ERROR_INT -> error.increment();
        case Level.WARN_INT -> warn.increment();
        case Level.INFO_INT -> info.increment();
        case Level.DEBUG_INT -> debug.increment();
        default -> trace.increment();
      }
    }
  }

  private record ReattachOnReset(CountingAppender appender) implements LoggerContextListener {

    @Override
    public boolean isResetResistant() {
      return true;
    }

    @Override
    public void onReset(LoggerContext context) {
      appender.start();
      root(context).addAppender(appender);
    }

    @Override
    public void onStart(LoggerContext context) {}

    @Override
    public void onStop(LoggerContext context) {}

    @Override
    public void onLevelChange(Logger logger, Level level) {}
  }
}
