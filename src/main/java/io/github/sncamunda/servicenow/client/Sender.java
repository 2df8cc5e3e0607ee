package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.auth.Credential;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.time.Duration;

/**
 * Sends one exchange with one credential under the {@link RetryPolicy}: returns the answer that is
 * final for the call, or fails with the transport error or the deferral to Zeebe.
 */
final class Sender {

  /** Sleeps between attempts; replaceable in tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HttpTransport transport;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final ExchangeLog log = new ExchangeLog();

  Sender(HttpTransport transport, RetryPolicy policy, Sleeper sleeper) {
    this.transport = transport;
    this.policy = policy;
    this.sleeper = sleeper;
  }

  /** {@code credential} may be null (the token exchange carries its credentials in the body). */
  RawResponse send(Exchange exchange, Credential credential) {
    RetryPolicy.Attempts attempts = policy.start(exchange.repeatable());
    boolean earlierMayHaveBeenDone = false;
    while (true) {
      long started = System.nanoTime();
      int attempt = attempts.number();
      RetryPolicy.Decision next;
      try {
        RawResponse response = transport.send(exchange, credential);
        next = attempts.after(response);
        log.answered(
            exchange, credential, attempt, attempts.maxAttempts(), response, started, next);
        switch (next) {
          case RetryPolicy.Decision.Stop stop -> {
            // a DELETE whose earlier attempt lost its answer and now finds nothing: that
            // attempt deleted it, so this call did what was asked (the log keeps the real 404)
            boolean deletedEarlier =
                earlierMayHaveBeenDone
                    && exchange.method() == HttpMethod.DELETE
                    && response.status() == 404;
            return deletedEarlier
                ? new RawResponse(204, response.headers(), new byte[0])
                : response;
          }
          case RetryPolicy.Decision.Defer defer ->
              throw ServiceNowErrors.deferred(response, exchange, defer.delay());
          case RetryPolicy.Decision.Retry retry ->
              earlierMayHaveBeenDone |= ServiceNowErrors.mayHaveBeenProcessed(response.status());
        }
      } catch (TransportException failure) {
        earlierMayHaveBeenDone |= ServiceNowErrors.mayHaveBeenProcessed(failure);
        next = attempts.after(failure);
        log.failed(exchange, credential, attempt, attempts.maxAttempts(), failure, started, next);
        if (!(next instanceof RetryPolicy.Decision.Retry)) {
          ConnectorException error = ServiceNowErrors.transport(failure, exchange.call());
          throw ServiceNowErrors.mayHaveBeenProcessed(failure)
              ? ServiceNowErrors.unknownOutcome(error, exchange)
              : error;
        }
      }
      pause(((RetryPolicy.Decision.Retry) next).delay(), exchange.call());
    }
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
