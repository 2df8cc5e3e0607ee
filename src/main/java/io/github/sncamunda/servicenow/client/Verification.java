package io.github.sncamunda.servicenow.client;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a write whose outcome is unknown is checked before it is sent again ({@link
 * Replay#LOOK_FIRST}): a look in ServiceNow for what the write would have done. Its own requests go
 * through the client like any other read; when one of them fails, nothing more is sent, and the job
 * keeps its retries only when a retried job looks before it writes ({@code lookedUpByRetriedJob}):
 * otherwise the retry would send blindly, so the call fails without job retries. A look that finds
 * something it cannot attribute throws {@link CannotTell}: the call then fails without job retries,
 * as a write that must not be repeated does.
 *
 * @param what what the INFO log line names: a table and a record or key, never a payload
 * @param look given when the write was first sent in this call, the record the write made or
 *     changed, as its answer would have carried it; empty when it is not there
 * @param lookedUpByRetriedJob whether the operation looks this up itself before every write (a
 *     create by its key), so a retried job cannot do it twice
 */
public record Verification(
    String what,
    Function<Instant, Optional<Map<String, Object>>> look,
    boolean lookedUpByRetriedJob) {

  /** The look found something, but cannot tell whether this write made it. */
  public static final class CannotTell extends RuntimeException {
    public CannotTell(String why) {
      super(why, null, false, false);
    }
  }

  Optional<Map<String, Object>> lookSince(Instant firstSent) {
    return look.apply(firstSent);
  }
}
