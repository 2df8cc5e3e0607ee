package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.inbound.CorrelationFailureHandlingStrategy;
import io.camunda.connector.api.inbound.CorrelationRequest;
import io.camunda.connector.api.inbound.CorrelationResult;
import io.camunda.connector.api.inbound.InboundConnectorContext;
import io.camunda.connector.api.inbound.Severity;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.inbound.changes.ChangeFeed;
import io.github.sncamunda.servicenow.inbound.changes.FeedSettings;
import io.github.sncamunda.servicenow.table.Table;

/**
 * One poll of the Record Watcher: page through the change window, hand each change to the runtime
 * with its message ID, and move on only past what the engine has. A change the engine could not
 * take now (a retryable correlation failure) fails the poll, so the same page is read again.
 */
final class RecordWatcher {

  private final TableReads reads;
  private final ChangeFeed feed;
  private final FeedSettings settings;
  private final InboundConnectorContext context;

  RecordWatcher(TableReads reads, FeedSettings settings, InboundConnectorContext context) {
    this.reads = reads;
    this.settings = settings;
    this.feed = new ChangeFeed(settings);
    this.context = context;
  }

  /** Binds and validates the element's properties; any problem fails activation. */
  static RecordWatcher bind(ServiceNowClient client, InboundConnectorContext context) {
    WatchRequest request = context.bindProperties(WatchRequest.class);
    WatchedTable choice = request.table() == null ? new WatchedTable(null, null) : request.table();
    Table table = choice.resolve();
    FeedSettings settings = request.feed(table, MessageTtl.of(context.getProperties()));
    TableReads reads =
        new TableReads(client, request.connection(), request.authentication(), table);
    return new RecordWatcher(reads, settings, context);
  }

  FeedSettings settings() {
    return settings;
  }

  ChangeFeed feed() {
    return feed;
  }

  void poll() {
    do {
      ChangeFeed.Request request = feed.next();
      ChangeFeed.Answer answer =
          TableReads.answer(
              reads.get(request.parameters()), request.parameters().get("sysparm_limit"));
      for (ChangeFeed.Change change : feed.changes(answer)) {
        publish(change);
      }
      feed.advance(answer);
    } while (feed.polling());
  }

  private void publish(ChangeFeed.Change change) {
    CorrelationResult result =
        context.correlate(
            CorrelationRequest.builder()
                .variables(change.record())
                .messageId(change.messageId())
                .build());
    switch (result) {
      case CorrelationResult.Success success -> feed.published(change);
      case CorrelationResult.Failure failure -> {
        if (failure.handlingStrategy()
                instanceof CorrelationFailureHandlingStrategy.ForwardErrorToUpstream upstream
            && upstream.isRetryable()) {
          throw new ConnectorException(
              "CORRELATION_FAILED",
              "The engine did not take message "
                  + change.messageId()
                  + " ("
                  + failure.message()
                  + "); the page is read again at the next poll");
        }
        // not retryable (activation condition not met, invalid input): publishing again would
        // fail the same way
        feed.published(change);
        context.log(
            activity ->
                activity
                    .withSeverity(Severity.INFO)
                    .withTag("correlation")
                    .withMessage(
                        "Change " + change.messageId() + " not correlated: " + failure.message()));
      }
    }
  }
}
