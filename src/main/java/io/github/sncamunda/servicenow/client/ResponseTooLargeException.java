package io.github.sncamunda.servicenow.client;

import java.io.IOException;

/** Thrown while reading, so the rest of an oversized body is never read. */
final class ResponseTooLargeException extends IOException {

  ResponseTooLargeException(long limit) {
    super("response body exceeds the limit of " + limit + " bytes");
  }
}
