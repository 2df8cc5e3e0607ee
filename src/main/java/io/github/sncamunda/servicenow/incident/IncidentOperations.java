package io.github.sncamunda.servicenow.incident;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.table.CreateRecord;
import io.github.sncamunda.servicenow.table.DeleteRecord;
import io.github.sncamunda.servicenow.table.ReadRecord;
import io.github.sncamunda.servicenow.table.SearchRecords;
import io.github.sncamunda.servicenow.table.Table;
import io.github.sncamunda.servicenow.table.TableSession;
import io.github.sncamunda.servicenow.table.UpdateRecord;

/**
 * The Incident Handler is the table operations with the table fixed to {@code incident}: this maps
 * each operation onto them and keeps the Incident Handler's own result types.
 */
final class IncidentOperations {

  private static final Table INCIDENT = Table.INCIDENT;
  private static final String CORRELATION_FIELD = "correlation_id";

  private IncidentOperations() {}

  static Object execute(ServiceNowClient client, JobContext job, IncidentRequest request) {
    if (request == null || request.operation() == null) {
      throw new ConnectorInputException("Operation is required: one of " + TemplateTexts.VALID_IDS);
    }
    TableSession session = new TableSession(client, request.connection(), request.authentication());
    IncidentOptions options =
        request.options() == null ? new IncidentOptions(null, null, null, null) : request.options();
    return switch (request.operation()) {
      case IncidentOperation.Create create ->
          IncidentResult.of(
              CreateRecord.execute(
                  session,
                  INCIDENT,
                  new CreateRecord.Input(
                      create.payload(),
                      create.correlationId(),
                      CORRELATION_FIELD,
                      CreateRecord.jobMark(!Boolean.TRUE.equals(create.unmarked()), job)),
                  options.forWrite()));
      case IncidentOperation.Read read ->
          IncidentResult.of(ReadRecord.execute(session, INCIDENT, read.sysId(), options.forRead()));
      case IncidentOperation.Update update ->
          IncidentResult.of(
              UpdateRecord.execute(
                  session, INCIDENT, update.sysId(), update.payload(), options.forWrite()));
      case IncidentOperation.Delete delete -> {
        var deleted = DeleteRecord.execute(session, INCIDENT, delete.sysId());
        yield new DeletedIncident(deleted.sysId(), deleted.deleted());
      }
      case IncidentOperation.Search search ->
          IncidentSearchResult.of(
              SearchRecords.execute(
                  session,
                  INCIDENT,
                  SearchRecords.Search.page(
                      search.query(),
                      search.orderBy(),
                      search.orderDirection(),
                      search.limit(),
                      search.offset()),
                  options.forRead()));
    };
  }
}
