package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.github.sncamunda.servicenow.auth.Credential;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one exchange and carries out what {@link RetryPolicy} decides after every attempt: send
 * again, renew the credential, look before sending again, hand a wait to Zeebe, or end with the
 * answer or the error. It decides nothing itself.
 */
final class Sender {

  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

  /** Sleeps between attempts; replaceable in tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Where a refused credential is renewed; the token exchange has none. */
  interface Renewal {
    Renewal NONE = refused -> Optional.empty();

    /** A fresh credential after a 401, or empty when there is none to get. */
    Optional<Credential> renew(Credential refused);
  }

  /** The answer a call ends with, and its success already read (null when it is an error). */
  record Reply(RawResponse raw, ServiceNowResponse read) {}

  private final HttpTransport transport;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final ExchangeLog log = new ExchangeLog();

  Sender(HttpTransport transport, RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this.transport = transport;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** {@code credential} may be null (the token exchange carries its credentials in the body). */
  Reply send(Exchange exchange, Credential credential, Renewal renewal) {
    RetryPolicy.Attempts attempts = policy.start(exchange);
    Instant firstSent = clock.instant();
    Credential current = credential;
    while (true) {
      long started = System.nanoTime();
      int attempt = attempts.number();
      RawResponse response;
      try {
        response = transport.send(exchange, current);
      } catch (TransportException failure) {
        RetryPolicy.Decision next = attempts.after(failure);
        log.failed(exchange, current, attempt, attempts.maxAttempts(), failure, started, next);
        ConnectorException error = ServiceNowErrors.transport(failure, exchange.call());
        switch (next.action()) {
          case RETRY -> pause(next.delay(), exchange.call());
          case LOOK -> {
            Optional<Reply> found = look(exchange, attempts, firstSent, error);
            if (found.isPresent()) {
              return found.get();
            }
          }
          case FAIL_WITH_JOB_RETRIES -> throw error;
          case FAIL_WITHOUT_JOB_RETRIES -> throw ServiceNowErrors.unknownOutcome(error);
          case ANSWER, ANSWER_AS_DELETED, RENEW, DEFER ->
              throw new IllegalStateException(next.action() + " after a transport failure");
        }
        continue;
      }
      ServiceNowResponse read = null;
      ConnectorException error = null;
      RetryPolicy.Decision next;
      if (response.successful() && exchange.sensitive()) {
        // a token answer is read by the authenticator, whose errors never quote its body
        next = attempts.after(RetryPolicy.Outcome.SUCCESS);
      } else if (response.successful()) {
        try {
          read = Interpreter.success(exchange, response);
          next = attempts.after(RetryPolicy.Outcome.SUCCESS);
        } catch (ConnectorException unreadable) {
          error = unreadable;
          next = attempts.after(RetryPolicy.Outcome.UNREADABLE_SUCCESS);
        }
      } else {
        next = attempts.after(response);
      }
      log.answered(exchange, current, attempt, attempts.maxAttempts(), response, started, next);
      switch (next.action()) {
        case ANSWER -> {
          return new Reply(response, read);
        }
        // the lost attempt deleted it; the log above keeps the real 404
        case ANSWER_AS_DELETED -> {
          return new Reply(new RawResponse(204, response.headers(), new byte[0]), null);
        }
        case RETRY -> pause(next.delay(), exchange.call());
        case RENEW -> {
          Optional<Credential> renewed = renewal.renew(current);
          if (renewed.isEmpty()) {
            return new Reply(response, null);
          }
          current = renewed.get();
        }
        case DEFER -> throw ServiceNowErrors.deferred(response, exchange, next.delay());
        case LOOK -> {
          Optional<Reply> found =
              look(exchange, attempts, firstSent, orHttp(error, response, exchange));
          if (found.isPresent()) {
            return found.get();
          }
        }
        case FAIL_WITH_JOB_RETRIES -> throw orHttp(error, response, exchange);
        case FAIL_WITHOUT_JOB_RETRIES ->
            throw ServiceNowErrors.unknownOutcome(orHttp(error, response, exchange));
      }
    }
  }

  private static ConnectorException orHttp(
      ConnectorException error, RawResponse response, Exchange exchange) {
    return error != null ? error : ServiceNowErrors.http(response, exchange.call());
  }

  /**
   * Looks for what the write would have done: found, it is the call's answer; not found, the write
   * is sent again (empty) or, without budget, the job retries it; a failed look ends the call with
   * nothing sent again, keeping the job's retries only when a retried job looks first.
   */
  private Optional<Reply> look(
      Exchange exchange,
      RetryPolicy.Attempts attempts,
      Instant firstSent,
      ConnectorException unknown) {
    Verification verification = exchange.verification();
    Optional<Map<String, Object>> found;
    try {
      found = verification.lookSince(firstSent);
    } catch (Verification.CannotTell cannotTell) {
      attempts.after(RetryPolicy.Outcome.LOOK_CANNOT_TELL); // fails without job retries
      LOG.info(
          "{}: the answer was lost; looked for {} and cannot tell whether it was done",
          exchange.call(),
          verification.what());
      throw ServiceNowErrors.unknownOutcome(
          withMessage(unknown, " Looked, but " + cannotTell.getMessage() + "."));
    } catch (ConnectorException lookFailed) {
      String failed = " Looking whether ServiceNow did it failed too (" + lookFailed.getMessage();
      if (verification.lookedUpByRetriedJob()) {
        attempts.after(RetryPolicy.Outcome.LOOK_FAILED); // fails with the job's retries
        throw withMessage(
            unknown, failed + "); nothing was sent again, the job is retried and looks first.");
      }
      attempts.after(RetryPolicy.Outcome.LOOK_FAILED_NOT_LOOKED_AGAIN); // without job retries
      LOG.info(
          "{}: the answer was lost; looked for {} but the look itself failed: nothing sent"
              + " again, cannot tell",
          exchange.call(),
          verification.what());
      throw ServiceNowErrors.unknownOutcome(
          withMessage(
              unknown,
              failed
                  + "); nothing was sent again. A retried job would send it without looking,"
                  + " so look for "
                  + verification.what()
                  + " in ServiceNow."));
    }
    if (found.isPresent()) {
      attempts.after(RetryPolicy.Outcome.LOOKED_FOUND);
      LOG.info(
          "{}: the answer was lost; looked and found {}: done, not sent again",
          exchange.call(),
          verification.what());
      Map<String, Object> body = Map.of("result", found.get());
      return Optional.of(
          new Reply(
              new RawResponse(200, Map.of(), new byte[0]),
              new ServiceNowResponse(200, Map.of(), body, null, false)));
    }
    RetryPolicy.Decision next = attempts.after(RetryPolicy.Outcome.LOOKED_NOT_FOUND);
    if (next.action() != RetryPolicy.Action.RETRY) {
      LOG.info(
          "{}: the answer was lost; looked and did not find {}: the job sends it again",
          exchange.call(),
          verification.what());
      throw withMessage(
          unknown, " ServiceNow did not do it (looked), so the job sends it again when retried.");
    }
    LOG.info(
        "{}: the answer was lost; looked and did not find {}: sent again",
        exchange.call(),
        verification.what());
    pause(next.delay(), exchange.call());
    return Optional.empty();
  }

  /** The same error with {@code more} added to its message; the job keeps its retries. */
  private static ConnectorException withMessage(ConnectorException error, String more) {
    return new ConnectorExceptionBuilder()
        .errorCode(error.getErrorCode())
        .message(error.getMessage() + more)
        .errorVariables(error.getErrorVariables())
        .build();
  }

  private void pause(Duration delay, String call) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(
          ErrorCodes.CONNECTION_FAILED, call + " was interrupted while waiting to retry");
    }
  }
}
