package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.generator.java.annotation.NestedProperties;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.inbound.changes.FeedSettings;
import io.github.sncamunda.servicenow.table.Table;
import java.time.Duration;

/**
 * The Record Watcher's properties: where, as whom, which table, what and how often. {@code
 * toString()} of the parts is safe to log (the authentication records redact their secrets).
 */
public record WatchRequest(
    @NestedProperties(addNestedPath = true) ServiceNowConnection connection,
    ServiceNowAuthentication authentication,
    @NestedProperties(addNestedPath = true) WatchedTable table,
    @NestedProperties(addNestedPath = true) WatchSettings watch) {

  @TemplateProperty(ignore = true)
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  @TemplateProperty(ignore = true)
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  @TemplateProperty(ignore = true)
  static final Duration DEFAULT_CATCH_UP = Duration.ofMinutes(30);

  @TemplateProperty(ignore = true)
  static final int DEFAULT_PAGE_SIZE = 100;

  /** The validated feed; {@code ttl} is the element's message TTL. */
  FeedSettings feed(Table table, Duration ttl) {
    WatchSettings w =
        watch == null ? new WatchSettings(null, null, null, null, null, null, null, null) : watch;
    boolean catchUp = "catchUp".equals(w.startFrom());
    return new FeedSettings(
        table.name(),
        w.filter(),
        Durations.fields(w.fields()),
        ChangeKinds.createdOnly(w.changes()),
        Durations.parse(w.pollingInterval(), DEFAULT_INTERVAL, "Polling interval"),
        Durations.parse(w.window(), DEFAULT_WINDOW, "Re-read window"),
        catchUp ? Durations.parse(w.catchUp(), DEFAULT_CATCH_UP, "Catch-up period") : Duration.ZERO,
        ttl,
        Durations.pageSize(w.pageSize(), DEFAULT_PAGE_SIZE));
  }
}
