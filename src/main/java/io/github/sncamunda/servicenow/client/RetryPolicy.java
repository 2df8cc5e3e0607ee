package io.github.sncamunda.servicenow.client;

import io.github.sncamunda.servicenow.client.ClientSettings.RetrySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The one place that decides, after every attempt, what happens next; {@link Sender} only carries
 * the decision out. {@link #decide} is the whole rule, a pure function of what happened, the
 * method, who may repeat the request ({@link Replay}), what earlier attempts left and the budget;
 * {@link Attempts} only measures the budget and picks the delay. The table in ARCHITECTURE.md is
 * the test's expectation of this function (see {@code RetryDecisionTableTest}).
 */
final class RetryPolicy {

  /** What one attempt (or the look after it) ended with. */
  enum Outcome {
    /** A 2xx whose body could be read. */
    SUCCESS,
    /** A 2xx whose body could not be read (cut off, HTML instead of JSON): done or a proxy's? */
    UNREADABLE_SUCCESS,
    ANSWERED_401,
    ANSWERED_404,
    /** 429 or 503: ServiceNow (or its front end) refused before processing anything. */
    ANSWERED_429_503,
    /** 502 or 504: a gateway gave up; ServiceNow may have processed the request. */
    ANSWERED_502_504,
    /** Any other status (400, 403, 409, 500, …): ServiceNow's own answer, final. */
    ANSWERED_OTHER,
    CONNECT_FAILED,
    PROXY_REFUSED,
    NO_RESPONSE,
    TIMEOUT,
    BROKEN_RESPONSE,
    TOO_LARGE,
    CONTENT_TOO_LARGE,
    PROXY_AUTHENTICATION,
    TLS,
    /** After a look: what the write would have done is there. */
    LOOKED_FOUND,
    /** After a look: it is not there, so it was not done. */
    LOOKED_NOT_FOUND,
    /**
     * The look itself failed: nothing is known, nothing more is sent; a retried job looks before it
     * writes (a keyed or marked create), so the job may keep its retries.
     */
    LOOK_FAILED,
    /**
     * The look itself failed, and a retried job would send the write without looking (a journal
     * entry, a catalog order): its outcome stays unknown.
     */
    LOOK_FAILED_NOT_LOOKED_AGAIN,
    /** The look found something it cannot attribute to this write. */
    LOOK_CANNOT_TELL;

    static Outcome of(int status) {
      if (status >= 200 && status < 300) {
        return SUCCESS;
      }
      return switch (status) {
        case 401 -> ANSWERED_401;
        case 404 -> ANSWERED_404;
        case 429, 503 -> ANSWERED_429_503;
        case 502, 504 -> ANSWERED_502_504;
        default -> ANSWERED_OTHER;
      };
    }

    static Outcome of(TransportException.Kind kind) {
      return switch (kind) {
        case CONNECT_FAILED -> CONNECT_FAILED;
        case PROXY_REFUSED -> PROXY_REFUSED;
        case NO_RESPONSE -> NO_RESPONSE;
        case TIMEOUT -> TIMEOUT;
        case BROKEN_RESPONSE -> BROKEN_RESPONSE;
        case TOO_LARGE -> TOO_LARGE;
        case CONTENT_TOO_LARGE -> CONTENT_TOO_LARGE;
        case PROXY_AUTHENTICATION -> PROXY_AUTHENTICATION;
        case TLS -> TLS;
      };
    }

    /** Whether ServiceNow may have processed the request, so nobody knows whether it was done. */
    boolean unknown() {
      return switch (this) {
        case UNREADABLE_SUCCESS,
            ANSWERED_502_504,
            NO_RESPONSE,
            TIMEOUT,
            BROKEN_RESPONSE,
            TOO_LARGE ->
            true;
        case SUCCESS,
            ANSWERED_401,
            ANSWERED_404,
            ANSWERED_429_503,
            ANSWERED_OTHER,
            CONNECT_FAILED,
            PROXY_REFUSED,
            CONTENT_TOO_LARGE,
            PROXY_AUTHENTICATION,
            TLS,
            LOOKED_FOUND,
            LOOKED_NOT_FOUND,
            LOOK_FAILED,
            LOOK_FAILED_NOT_LOOKED_AGAIN,
            LOOK_CANNOT_TELL ->
            false;
      };
    }
  }

  /** What earlier attempts of the same exchange left behind. */
  enum History {
    NONE,
    /** An earlier attempt's outcome is unknown: it may have done the work. */
    EARLIER_UNKNOWN,
    /** The credential was renewed after a 401 already. */
    RENEWED,
    EARLIER_UNKNOWN_AND_RENEWED;

    boolean earlierUnknown() {
      return this == EARLIER_UNKNOWN || this == EARLIER_UNKNOWN_AND_RENEWED;
    }

    boolean renewed() {
      return this == RENEWED || this == EARLIER_UNKNOWN_AND_RENEWED;
    }

    History withUnknown() {
      return renewed() ? EARLIER_UNKNOWN_AND_RENEWED : EARLIER_UNKNOWN;
    }

    History withRenewal() {
      return earlierUnknown() ? EARLIER_UNKNOWN_AND_RENEWED : RENEWED;
    }
  }

  /** The budget of the exchange, as far as sending again is concerned. */
  enum Budget {
    /** Attempts and time are left for another send (after the wait the answer asked for). */
    LEFT,
    /** The answer asks to wait longer than the time left: a wait for Zeebe, not for a thread. */
    WAIT_TOO_LONG,
    /** No attempt or no time left. */
    SPENT
  }

  /** What happens next. */
  enum Action {
    /** The answer is final: a success, or an error that keeps the job's retries. */
    ANSWER,
    /** A DELETE found nothing after an earlier attempt lost its answer: that one deleted it. */
    ANSWER_AS_DELETED,
    /** Send again after a delay (the answer's Retry-After, else jittered backoff). */
    RETRY,
    /** Renew the credential once and send again: a refused credential processed nothing. */
    RENEW,
    /** Look in ServiceNow for what the write would have done before sending it again. */
    LOOK,
    /** Hand the wait the answer asked for to Zeebe as the job's retry backoff. */
    DEFER,
    /** Fail; the job keeps its retries (a retried job is safe). */
    FAIL_WITH_JOB_RETRIES,
    /** Fail without job retries: a retried job could do the work twice. */
    FAIL_WITHOUT_JOB_RETRIES
  }

  /**
   * The whole write-safety rule. Repeating is safe when ServiceNow proved it did nothing (429, 503,
   * a 401 to a credential, no connection made) or when the request is harmless to repeat ({@link
   * Replay#ANY}); when the outcome is unknown, a request that can look ({@link Replay#LOOK_FIRST})
   * looks first and sends again only when it finds nothing, one that a retried job looks up ({@link
   * Replay#BY_JOB_RETRY}) fails with the job's retries, and any other fails without them.
   */
  static Action decide(
      Outcome outcome, HttpMethod method, Replay replay, History history, Budget budget) {
    return switch (outcome) {
      case SUCCESS, ANSWERED_OTHER, LOOKED_FOUND -> Action.ANSWER;
      case ANSWERED_401 -> history.renewed() ? Action.ANSWER : Action.RENEW;
      case ANSWERED_404 ->
          method == HttpMethod.DELETE && history.earlierUnknown()
              ? Action.ANSWER_AS_DELETED
              : Action.ANSWER;
      case ANSWERED_429_503 ->
          switch (budget) {
            case LEFT -> Action.RETRY;
            case WAIT_TOO_LONG -> Action.DEFER;
            case SPENT -> Action.ANSWER;
          };
      case CONNECT_FAILED, PROXY_REFUSED, LOOKED_NOT_FOUND ->
          budget == Budget.SPENT ? Action.FAIL_WITH_JOB_RETRIES : Action.RETRY;
      // the file stays as large; a look that cannot tell leaves the write's outcome unknown
      case CONTENT_TOO_LARGE, LOOK_CANNOT_TELL, LOOK_FAILED_NOT_LOOKED_AGAIN ->
          Action.FAIL_WITHOUT_JOB_RETRIES;
      case PROXY_AUTHENTICATION, TLS, LOOK_FAILED -> Action.FAIL_WITH_JOB_RETRIES;
      case ANSWERED_502_504 ->
          unknown(
              replay,
              switch (budget) {
                case LEFT -> Action.RETRY;
                case WAIT_TOO_LONG -> Action.DEFER;
                case SPENT -> Action.ANSWER;
              });
      case NO_RESPONSE ->
          unknown(replay, budget == Budget.SPENT ? Action.FAIL_WITH_JOB_RETRIES : Action.RETRY);
      // an answer that never came or could not be read is not waited for again within the call
      case TIMEOUT, BROKEN_RESPONSE, TOO_LARGE, UNREADABLE_SUCCESS ->
          unknown(replay, Action.FAIL_WITH_JOB_RETRIES);
    };
  }

  /** An unknown outcome: {@code whenHarmless} for a request that may be repeated as it is. */
  private static Action unknown(Replay replay, Action whenHarmless) {
    return switch (replay) {
      case ANY -> whenHarmless;
      case LOOK_FIRST -> Action.LOOK;
      case BY_JOB_RETRY -> Action.FAIL_WITH_JOB_RETRIES;
      case NEVER -> Action.FAIL_WITHOUT_JOB_RETRIES;
    };
  }

  /** An action with the delay it carries out ({@code RETRY} and {@code DEFER}; else zero). */
  record Decision(Action action, Duration delay) {}

  private final RetrySettings settings;
  private final Clock clock;
  private final Supplier<RandomGenerator> random;
  private final LongSupplier nanoTime;

  RetryPolicy(
      RetrySettings settings,
      Clock clock,
      Supplier<RandomGenerator> random,
      LongSupplier nanoTime) {
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.nanoTime = nanoTime;
  }

  /** The attempts of one exchange. */
  Attempts start(Exchange exchange) {
    return new Attempts(exchange, nanoTime.getAsLong());
  }

  /** One exchange's attempts so far, what they left behind and the waiting budget left. */
  final class Attempts {
    private final Exchange exchange;
    private final long startNanos;
    private int number = 1;
    private History history = History.NONE;

    private Attempts(Exchange exchange, long startNanos) {
      this.exchange = exchange;
      this.startNanos = startNanos;
    }

    /** The attempt that just ran (1 for the first send). */
    int number() {
      return number;
    }

    int maxAttempts() {
      return settings.maxAttempts();
    }

    /** Whether an earlier attempt may have done the work. */
    boolean earlierUnknown() {
      return history.earlierUnknown();
    }

    Decision after(RawResponse response) {
      return after(Outcome.of(response.status()), RetryAfter.of(response, clock));
    }

    Decision after(TransportException failure) {
      return after(Outcome.of(failure.kind()), Optional.empty());
    }

    Decision after(Outcome outcome) {
      return after(outcome, Optional.empty());
    }

    private Decision after(Outcome outcome, Optional<Duration> requested) {
      Duration remaining = settings.budget().minusNanos(nanoTime.getAsLong() - startNanos);
      Duration delay = requested.orElseGet(this::jitteredBackoff);
      Budget budget;
      if (requested.isPresent() && requested.get().compareTo(remaining) > 0) {
        budget = Budget.WAIT_TOO_LONG;
      } else if (number >= settings.maxAttempts() || delay.compareTo(remaining) > 0) {
        budget = Budget.SPENT;
      } else {
        budget = Budget.LEFT;
      }
      Action action = decide(outcome, exchange.method(), exchange.replay(), history, budget);
      if (outcome.unknown()) {
        history = history.withUnknown();
      }
      return switch (action) {
        case RETRY -> {
          number++;
          yield new Decision(action, delay);
        }
        case DEFER -> new Decision(action, requested.orElse(delay));
        case RENEW -> {
          history = history.withRenewal();
          yield new Decision(action, Duration.ZERO);
        }
        case ANSWER, ANSWER_AS_DELETED, LOOK, FAIL_WITH_JOB_RETRIES, FAIL_WITHOUT_JOB_RETRIES ->
            new Decision(action, Duration.ZERO);
      };
    }

    /** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. */
    private Duration jitteredBackoff() {
      long base = settings.baseDelay().toMillis();
      long cap = Math.min(settings.maxDelay().toMillis(), base << Math.min(number - 1, 20));
      return Duration.ofMillis(cap <= 0 ? 0 : random.get().nextLong(cap + 1));
    }
  }
}
