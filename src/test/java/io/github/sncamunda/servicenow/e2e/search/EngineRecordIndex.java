package io.github.sncamunda.servicenow.e2e.search;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Camunda's search API would answer about the in-memory engine, kept from its record stream:
 * the deployed process definitions, the element instances that are active, and each process
 * instance's root-scope variables. The engine has no search API (it speaks gRPC only), and the
 * connectors runtime needs one for inbound connectors.
 *
 * <p>Each call first reads only the records appended since the previous call (the stream only
 * grows), so its cost does not grow with the length of a suite. It is also the one reader of the
 * stream in its JVM: the engine appends to a plain list, and two threads walking that list at once
 * (the runtime's importer and a test) would fail with a {@code ConcurrentModificationException}.
 */
public final class EngineRecordIndex {

  /** A deployed process definition (the engine's PROCESS CREATED event). */
  public record Definition(
      long key,
      String bpmnProcessId,
      int version,
      String versionTag,
      String tenantId,
      String resourceName,
      byte[] resource) {}

  /** An element instance the engine activated and has not yet completed or terminated. */
  public record ActiveElement(
      long key,
      long processDefinitionKey,
      String bpmnProcessId,
      long processInstanceKey,
      String elementId,
      String elementType,
      String tenantId) {}

  /** The latest value of a variable in a process instance's root scope, as JSON text. */
  public record RootVariable(
      long key, long processInstanceKey, String name, String value, String tenantId) {}

  private final RecordStreamSource source;
  private final List<Record<?>> seen = new ArrayList<>();
  private final Map<Long, Definition> definitions = new HashMap<>();
  private final Map<String, Definition> latest = new HashMap<>();
  private final Map<Long, ActiveElement> active = new LinkedHashMap<>();
  private final Map<Long, Map<String, RootVariable>> variables = new HashMap<>();

  public EngineRecordIndex(RecordStreamSource source) {
    this.source = source;
  }

  /** Every record so far, in stream order (a copy). */
  public synchronized List<Record<?>> records() {
    catchUp();
    return new ArrayList<>(seen);
  }

  /** The highest version of each process per tenant, as the search's isLatestVersion filter. */
  public synchronized List<Definition> latestDefinitions() {
    catchUp();
    return latest.values().stream().sorted(Comparator.comparingLong(Definition::key)).toList();
  }

  public synchronized Optional<Definition> definition(long key) {
    catchUp();
    return Optional.ofNullable(definitions.get(key));
  }

  public synchronized List<ActiveElement> activeElements(
      long processDefinitionKey, String elementId) {
    catchUp();
    return active.values().stream()
        .filter(e -> e.processDefinitionKey() == processDefinitionKey)
        .filter(e -> e.elementId().equals(elementId))
        .toList();
  }

  public synchronized List<RootVariable> rootVariables(long processInstanceKey) {
    catchUp();
    return List.copyOf(variables.getOrDefault(processInstanceKey, Map.of()).values());
  }

  private void catchUp() {
    Iterable<Record<?>> all = source.getRecords();
    if (all instanceof List<Record<?>> list) {
      // by index: the engine may append while we read, which an iterator would refuse
      int size = list.size();
      for (int i = seen.size(); i < size; i++) {
        index(list.get(i));
      }
    } else {
      int i = 0;
      for (Record<?> record : all) {
        if (i++ >= seen.size()) {
          index(record);
        }
      }
    }
  }

  private void index(Record<?> record) {
    seen.add(record);
    if (record.getRecordType() != RecordType.EVENT) {
      return;
    }
    switch (record.getValueType()) {
      case PROCESS -> {
        if (record.getIntent() == ProcessIntent.CREATED) {
          definition((Process) record.getValue());
        }
      }
      case PROCESS_INSTANCE -> element(record);
      case VARIABLE -> variable(record);
      default -> {}
    }
  }

  private void definition(Process p) {
    Definition d =
        new Definition(
            p.getProcessDefinitionKey(),
            p.getBpmnProcessId(),
            p.getVersion(),
            p.getVersionTag(),
            p.getTenantId(),
            p.getResourceName(),
            p.getResource());
    definitions.put(d.key(), d);
    latest.merge(
        d.tenantId() + "\u0000" + d.bpmnProcessId(),
        d,
        (old, now) -> now.version() > old.version() ? now : old);
  }

  private void element(Record<?> record) {
    ProcessInstanceRecordValue v = (ProcessInstanceRecordValue) record.getValue();
    if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      active.put(
          record.getKey(),
          new ActiveElement(
              record.getKey(),
              v.getProcessDefinitionKey(),
              v.getBpmnProcessId(),
              v.getProcessInstanceKey(),
              v.getElementId(),
              v.getBpmnElementType().name(),
              v.getTenantId()));
    } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
      active.remove(record.getKey());
    }
  }

  private void variable(Record<?> record) {
    VariableRecordValue v = (VariableRecordValue) record.getValue();
    boolean written =
        record.getIntent() == VariableIntent.CREATED
            || record.getIntent() == VariableIntent.UPDATED;
    if (written && v.getScopeKey() == v.getProcessInstanceKey()) {
      variables
          .computeIfAbsent(v.getProcessInstanceKey(), k -> new LinkedHashMap<>())
          .put(
              v.getName(),
              new RootVariable(
                  record.getKey(),
                  v.getProcessInstanceKey(),
                  v.getName(),
                  v.getValue(),
                  v.getTenantId()));
    }
  }
}
