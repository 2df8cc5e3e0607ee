package io.github.sncamunda.servicenow.attachment;

import io.camunda.connector.api.error.ConnectorRetryException;
import io.github.sncamunda.servicenow.common.ErrorCodes;

/**
 * An attachment known to be over the limit before anything moves: {@code ATTACHMENT_TOO_LARGE},
 * which an error expression can match, without retries (the file will not shrink).
 */
final class TooLarge {

  private TooLarge() {}

  static ConnectorRetryException error(String what, long size, SizeLimit limit) {
    return ConnectorRetryException.builder()
        .errorCode(ErrorCodes.ATTACHMENT_TOO_LARGE)
        .message(
            what
                + " is "
                + size
                + " bytes, more than the maximum size of "
                + limit.describe()
                + "; nothing was transferred. Raise the task's Maximum size or the runtime's"
                + " SERVICENOW_MAX_ATTACHMENT_BYTES if such files are expected.")
        .retries(0)
        .build();
  }
}
