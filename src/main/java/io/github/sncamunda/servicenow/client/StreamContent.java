package io.github.sncamunda.servicenow.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A request body streamed from its source (e.g. a Camunda document) instead of held in memory.
 * {@code open} is called for every send, so a request ServiceNow proved it did not process (429,
 * 503) can be sent again; {@code length} is -1 when unknown (then sent chunked); more than {@code
 * limit} bytes end the exchange with {@code ATTACHMENT_TOO_LARGE}.
 */
public record StreamContent(Opener open, long length, String contentType, long limit) {

  /** Opens a fresh stream over the content. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public StreamContent {
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(contentType, "contentType");
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }
}
