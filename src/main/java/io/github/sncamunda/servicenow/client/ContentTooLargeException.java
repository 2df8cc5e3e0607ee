package io.github.sncamunda.servicenow.client;

import java.io.IOException;

/**
 * Streamed content went past its limit; thrown while reading or writing, so the rest never moves.
 */
final class ContentTooLargeException extends IOException {

  private final long limit;

  ContentTooLargeException(long limit) {
    super("the content exceeds the limit of " + limit + " bytes");
    this.limit = limit;
  }

  long limit() {
    return limit;
  }
}
