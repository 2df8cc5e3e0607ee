package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.api.inbound.InboundIntermediateConnectorContext;
import io.camunda.connector.api.inbound.ProcessInstanceContext;
import io.camunda.connector.api.inbound.Severity;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.common.SafeText;
import io.github.sncamunda.servicenow.inbound.changes.QueryFilter;
import io.github.sncamunda.servicenow.inbound.changes.SysIdBatches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One check of every instance waiting at the element: their sys_ids in batches of {@code sys_idIN…}
 * with the condition, and each record that matches handed to the instances waiting for it (the
 * runtime applies the activation condition and publishes one message per waiting element instance).
 */
final class RecordWait {

  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  static final int DEFAULT_PAGE_SIZE = 100;

  private final TableReads reads;
  private final String condition;
  private final List<String> fields;
  private final Duration interval;
  private final int pageSize;
  private final InboundIntermediateConnectorContext context;

  private RecordWait(
      TableReads reads, WaitSettings wait, InboundIntermediateConnectorContext context) {
    this.reads = reads;
    this.condition = QueryFilter.check(wait.condition(), "Condition");
    this.fields = Durations.fields(wait.fields());
    this.interval = Durations.parse(wait.pollingInterval(), DEFAULT_INTERVAL, "Polling interval");
    if (interval.isZero() || interval.isNegative()) {
      throw new io.camunda.connector.api.error.ConnectorInputException(
          "Polling interval must be a positive duration, e.g. PT30S");
    }
    this.pageSize = Durations.pageSize(wait.pageSize(), DEFAULT_PAGE_SIZE);
    this.context = context;
  }

  /** Binds and validates the element's properties; any problem fails activation. */
  static RecordWait bind(ServiceNowClient client, InboundIntermediateConnectorContext context) {
    WaitRequest request = context.bindProperties(WaitRequest.class);
    WatchedTable choice = request.table() == null ? new WatchedTable(null, null) : request.table();
    WaitSettings wait =
        request.waitFor() == null
            ? new WaitSettings(null, null, null, null, null)
            : request.waitFor();
    TableReads reads =
        new TableReads(client, request.connection(), request.authentication(), choice.resolve());
    return new RecordWait(reads, wait, context);
  }

  Duration interval() {
    return interval;
  }

  void poll() {
    Map<String, List<ProcessInstanceContext>> bySysId = new LinkedHashMap<>();
    for (ProcessInstanceContext instance : context.getProcessInstanceContexts()) {
      String sysId = sysIdOf(instance);
      if (sysId != null) {
        bySysId.computeIfAbsent(sysId, id -> new ArrayList<>()).add(instance);
      }
    }
    if (bySysId.isEmpty()) {
      return;
    }
    for (Map<String, String> query :
        SysIdBatches.queries(new ArrayList<>(bySysId.keySet()), condition, fields, pageSize)) {
      for (Map<String, Object> record : TableReads.records(reads.get(query))) {
        for (ProcessInstanceContext instance :
            bySysId.getOrDefault(String.valueOf(record.get("sys_id")), List.of())) {
          release(instance, record);
        }
      }
    }
  }

  private String sysIdOf(ProcessInstanceContext instance) {
    String sysId;
    try {
      sysId = instance.bind(WaitingInstance.class).recordId();
    } catch (RuntimeException e) {
      report(instance, "Record Sys ID could not be evaluated: " + e.getMessage());
      return null;
    }
    if (!SysIdBatches.isSysId(sysId)) {
      report(
          instance,
          "Record Sys ID must be a sys_id (up to 32 letters and digits); got "
              + SafeText.quote(sysId));
      return null;
    }
    return sysId;
  }

  private void release(ProcessInstanceContext instance, Map<String, Object> record) {
    try {
      instance.correlate(record);
    } catch (RuntimeException e) {
      // one instance's failure (a FEEL error in its mapping) must not hold up the others
      report(instance, "Correlation failed: " + e.getMessage());
    }
  }

  private void report(ProcessInstanceContext instance, String message) {
    context.log(
        activity ->
            activity
                .withSeverity(Severity.WARNING)
                .withTag("wait")
                .withMessage("Instance " + instance.getKey() + ": " + message));
  }
}
