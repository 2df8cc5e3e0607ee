package io.github.sncamunda.servicenow.attachment;

import io.camunda.connector.api.error.ConnectorInputException;

/**
 * The most bytes one attachment may have: the runtime's {@code SERVICENOW_MAX_ATTACHMENT_BYTES} (50
 * MB unless set), or less when a task says so. A task cannot raise it: that is the runtime
 * operator's call.
 */
public record SizeLimit(long bytes) {

  public static SizeLimit of(Integer taskMegabytes, long runtimeMaximum) {
    if (taskMegabytes == null) {
      return new SizeLimit(runtimeMaximum);
    }
    long requested = taskMegabytes * 1024L * 1024L;
    if (taskMegabytes < 1 || requested > runtimeMaximum) {
      throw new ConnectorInputException(
          "Maximum size must be between 1 and "
              + runtimeMaximum / (1024 * 1024)
              + " MB (the runtime's SERVICENOW_MAX_ATTACHMENT_BYTES); got "
              + taskMegabytes);
    }
    return new SizeLimit(requested);
  }

  /** How messages name the limit, e.g. "50 MB (52428800 bytes)". */
  String describe() {
    return bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MB (" + bytes + " bytes)"
        : bytes + " bytes";
  }
}
