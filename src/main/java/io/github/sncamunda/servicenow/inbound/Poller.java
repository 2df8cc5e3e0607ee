package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.inbound.Health;
import io.camunda.connector.api.inbound.InboundConnectorContext;
import io.camunda.connector.api.inbound.Severity;
import io.github.sncamunda.servicenow.inbound.changes.Backoff;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one poll at a time, then schedules the next: after the interval when it worked, later and
 * later (see {@link Backoff}) when ServiceNow was unreachable, rate-limited or failed. Reports the
 * executable's health and logs failures to its activity log (messages are the client's, which never
 * carry credentials).
 */
final class Poller {

  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

  /** The longest wait between polls while ServiceNow keeps failing. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

  /** Where the next poll waits; a test drives it by hand. */
  interface Scheduler {
    void schedule(Runnable task, Duration delay);

    void close();
  }

  private final Backoff backoff;
  private final Scheduler scheduler;
  private final InboundConnectorContext context;
  private final Runnable poll;
  private volatile boolean stopped;

  Poller(Backoff backoff, Scheduler scheduler, InboundConnectorContext context, Runnable poll) {
    this.backoff = backoff;
    this.scheduler = scheduler;
    this.context = context;
    this.poll = poll;
  }

  /** A daemon thread of its own: a slow ServiceNow delays only this element's polls. */
  static Scheduler thread(String name) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, name);
              thread.setDaemon(true);
              return thread;
            });
    return new Scheduler() {
      @Override
      public void schedule(Runnable task, Duration delay) {
        if (!executor.isShutdown()) {
          executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
      }

      @Override
      public void close() {
        executor.shutdownNow();
      }
    };
  }

  /** An element's poller on a daemon thread of its own, its first poll scheduled now. */
  static Poller started(
      Duration interval, String threadName, InboundConnectorContext context, Runnable poll) {
    Poller poller =
        new Poller(
            new Backoff(interval, MAX_BACKOFF, ThreadLocalRandom::current),
            thread(threadName),
            context,
            poll);
    poller.start();
    return poller;
  }

  void start() {
    scheduler.schedule(this::tick, Duration.ZERO);
  }

  void stop() {
    stopped = true;
    scheduler.close();
  }

  /** One poll and the choice of the next one's time. */
  void tick() {
    if (stopped) {
      return;
    }
    Duration next;
    try {
      poll.run();
      context.reportHealth(Health.up());
      next = backoff.afterSuccess();
    } catch (RuntimeException failure) {
      Optional<Duration> requested =
          failure instanceof ConnectorRetryException retry
              ? Optional.ofNullable(retry.getBackoffDuration())
              : Optional.empty();
      next = backoff.afterFailure(requested);
      String code =
          failure instanceof ConnectorException e && e.getErrorCode() != null
              ? e.getErrorCode()
              : failure.getClass().getSimpleName();
      String message =
          "Poll failed ("
              + code
              + "): "
              + failure.getMessage()
              + "; next poll in "
              + next.toSeconds()
              + " s";
      LOG.warn(message);
      context.reportHealth(Health.down(new Health.Error(code, failure.getMessage())));
      context.log(
          activity -> activity.withSeverity(Severity.WARNING).withTag("poll").withMessage(message));
    }
    if (!stopped) {
      scheduler.schedule(this::tick, next);
    }
  }
}
