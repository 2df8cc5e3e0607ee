package io.github.sncamunda.servicenow.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Turns every logger of the JVM's logback context to TRACE (root included, and every logger a
 * configuration named) and captures every event, as the most talkative configuration a user could
 * write would. Restores the levels on close.
 */
public final class LogCapture implements AutoCloseable {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Map<Logger, Level> previous = new HashMap<>();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  public LogCapture() {
    for (Logger logger : context.getLoggerList()) {
      previous.put(logger, logger.getLevel());
      logger.setLevel(Level.TRACE);
    }
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /** Every captured event as text: level, logger, message, arguments and throwables. */
  public String text() {
    return events().stream().map(LogCapture::render).collect(Collectors.joining("\n"));
  }

  public List<ILoggingEvent> events() {
    return new ArrayList<>(appender.list);
  }

  /** How many events came from loggers whose names start with {@code prefix}. */
  public long countFrom(String prefix) {
    return events().stream().filter(e -> e.getLoggerName().startsWith(prefix)).count();
  }

  private static String render(ILoggingEvent event) {
    StringBuilder out = new StringBuilder();
    out.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ");
    out.append(event.getFormattedMessage());
    if (event.getArgumentArray() != null) {
      for (Object argument : event.getArgumentArray()) {
        out.append(" | ").append(argument);
      }
    }
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      out.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
    }
    return out.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    previous.forEach(Logger::setLevel);
  }
}
