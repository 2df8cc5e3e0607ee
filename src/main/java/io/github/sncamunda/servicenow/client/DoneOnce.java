package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorException;

/**
 * For operations that write more than once per job (several attachments, an order and then its
 * items): once a write that a retried job would repeat is done, a later failure must not retry the
 * job, or the done part happens twice.
 */
public final class DoneOnce {

  private DoneOnce() {}

  /**
   * {@code failure} with no job retries and a message naming what was already done.
   *
   * @param done what already happened in ServiceNow, e.g. "attached report.txt"
   */
  public static ConnectorException failedAfter(String done, ConnectorException failure) {
    return ServiceNowErrors.withoutJobRetries(
        failure,
        "Already done before that: "
            + done
            + "; the job is not retried, so that is not done twice.");
  }
}
