package io.github.sncamunda.servicenow.e2e.search;

import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
import io.camunda.client.impl.search.response.SearchResponseImpl;
import io.camunda.client.impl.search.response.SearchResponsePageImpl;
import io.camunda.connector.runtime.inbound.search.SearchQueryClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex.ActiveElement;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex.Definition;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex.RootVariable;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The connectors runtime's search client answered from the in-memory engine's records instead of
 * Camunda's REST search API, which that engine does not have. With it the runtime's own importer,
 * executable registry and intermediate-event correlation run unchanged.
 *
 * <p>Paging: the first page (no cursor) holds everything, every later page is empty, and the end
 * cursor is never blank, because the runtime asks for pages until one is empty and moves on only
 * with a non-blank cursor.
 */
public final class RecordStreamSearchQueryClient implements SearchQueryClient {

  /** The cursor every answer ends with: any non-blank value will do. */
  public static final String END = "end";

  private final EngineRecordIndex index;

  public RecordStreamSearchQueryClient(EngineRecordIndex index) {
    this.index = index;
  }

  @Override
  public SearchResponse<ProcessDefinition> queryProcessDefinitions(String cursor) {
    return page(cursor, index.latestDefinitions().stream().map(DefinitionItem::new).toList());
  }

  @Override
  public SearchResponse<ElementInstance> queryActiveFlowNodes(
      long processDefinitionKey, String elementId, String cursor) {
    return page(
        cursor,
        index.activeElements(processDefinitionKey, elementId).stream()
            .map(ElementItem::new)
            .toList());
  }

  @Override
  public SearchResponse<Variable> queryVariables(long processInstanceKey, String cursor) {
    return page(
        cursor, index.rootVariables(processInstanceKey).stream().map(VariableItem::new).toList());
  }

  @Override
  public BpmnModelInstance getProcessModel(long processDefinitionKey) {
    Definition d =
        index
            .definition(processDefinitionKey)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no process definition with key " + processDefinitionKey));
    return Bpmn.readModelFromStream(new ByteArrayInputStream(d.resource()));
  }

  private static <T> SearchResponse<T> page(String cursor, List<? extends T> all) {
    List<T> items = cursor == null ? List.copyOf(all) : List.of();
    return new SearchResponseImpl<>(
        items, new SearchResponsePageImpl((long) items.size(), null, END));
  }

  private record DefinitionItem(Definition d) implements ProcessDefinition {
    @Override
    public long getProcessDefinitionKey() {
      return d.key();
    }

    @Override
    public String getName() {
      return d.bpmnProcessId();
    }

    @Override
    public String getResourceName() {
      return d.resourceName();
    }

    @Override
    public int getVersion() {
      return d.version();
    }

    @Override
    public String getVersionTag() {
      return d.versionTag();
    }

    @Override
    public String getProcessDefinitionId() {
      return d.bpmnProcessId();
    }

    @Override
    public String getTenantId() {
      return d.tenantId();
    }

    @Override
    public Boolean getHasStartForm() {
      return false;
    }
  }

  private record ElementItem(ActiveElement e) implements ElementInstance {
    @Override
    public Long getElementInstanceKey() {
      return e.key();
    }

    @Override
    public Long getProcessDefinitionKey() {
      return e.processDefinitionKey();
    }

    @Override
    public String getProcessDefinitionId() {
      return e.bpmnProcessId();
    }

    @Override
    public Long getProcessInstanceKey() {
      return e.processInstanceKey();
    }

    @Override
    public String getElementId() {
      return e.elementId();
    }

    @Override
    public String getElementName() {
      return e.elementId();
    }

    @Override
    public OffsetDateTime getStartDate() {
      return null;
    }

    @Override
    public OffsetDateTime getEndDate() {
      return null;
    }

    @Override
    public Boolean getIncident() {
      return false;
    }

    @Override
    public Long getIncidentKey() {
      return null;
    }

    @Override
    public ElementInstanceState getState() {
      return ElementInstanceState.ACTIVE;
    }

    @Override
    public String getTenantId() {
      return e.tenantId();
    }

    @Override
    public ElementInstanceType getType() {
      return Arrays.stream(ElementInstanceType.values())
          .filter(t -> t.name().equals(e.elementType()))
          .findFirst()
          .orElse(ElementInstanceType.UNKNOWN);
    }
  }

  private record VariableItem(RootVariable v) implements Variable {
    @Override
    public Long getVariableKey() {
      return v.key();
    }

    @Override
    public String getName() {
      return v.name();
    }

    @Override
    public String getValue() {
      return v.value();
    }

    @Override
    public Long getScopeKey() {
      return v.processInstanceKey();
    }

    @Override
    public Long getProcessInstanceKey() {
      return v.processInstanceKey();
    }

    @Override
    public String getTenantId() {
      return v.tenantId();
    }

    @Override
    public Boolean isTruncated() {
      return false;
    }
  }
}
