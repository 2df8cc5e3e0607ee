package io.github.sncamunda.servicenow.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * Takes a successful answer's body as a stream while the connection is open, e.g. into a Camunda
 * document store, so a large attachment never sits in memory whole. The stream ends the exchange
 * with {@code ATTACHMENT_TOO_LARGE} as soon as it passes the limit.
 */
@FunctionalInterface
public interface ContentConsumer<T> {

  /**
   * @param head status and headers (no body)
   */
  T accept(InputStream content, ServiceNowResponse head) throws IOException;
}
