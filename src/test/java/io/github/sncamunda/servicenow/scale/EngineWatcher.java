package io.github.sncamunda.servicenow.scale;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows the in-memory engine's record stream while a run goes on (one thread reads, from where it
 * stopped last time) and keeps what the checker and the figures need: when each process instance
 * started and ended or raised an incident, and every job's life (created, activated, failed, timed
 * out, completed) with the engine's timestamps.
 */
final class EngineWatcher {

  /** One process instance as the engine saw it. */
  static final class Instance {
    volatile Instant started;
    volatile Instant ended;
    volatile String incidentMessage;
    volatile String incidentElement;

    boolean terminal() {
      return ended != null || incidentMessage != null;
    }
  }

  /** A job event: {@code intent} is CREATED, ACTIVATED, FAILED, TIMED_OUT, COMPLETED, … */
  record JobEvent(
      Instant at,
      long jobKey,
      long processInstanceKey,
      String elementId,
      String intent,
      int retries,
      String errorMessage) {}

  private final ZeebeTestEngine engine;
  private final Map<Long, Instance> instances = new ConcurrentHashMap<>();
  private final List<JobEvent> jobs = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> rejections = new ConcurrentHashMap<>();
  private int cursor;

  EngineWatcher(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  /** Reads the records added since the last call; call from one thread only. */
  synchronized int poll() {
    Iterable<Record<?>> all = engine.getRecordStreamSource().getRecords();
    List<Record<?>> list = all instanceof List<Record<?>> l ? l : copy(all);
    int size = list.size();
    for (int i = cursor; i < size; i++) {
      read(list.get(i));
    }
    int read = size - cursor;
    cursor = size;
    return read;
  }

  private static List<Record<?>> copy(Iterable<Record<?>> all) {
    List<Record<?>> out = new ArrayList<>();
    all.forEach(out::add);
    return out;
  }

  private void read(Record<?> record) {
    if (record.getRecordType() == RecordType.COMMAND_REJECTION) {
      rejections
          .computeIfAbsent(
              record.getValueType() + "/" + record.getIntent() + " " + record.getRejectionType(),
              k -> new AtomicInteger())
          .incrementAndGet();
      return;
    }
    if (record.getRecordType() != RecordType.EVENT) {
      return;
    }
    Instant at = Instant.ofEpochMilli(record.getTimestamp());
    if (record.getValueType() == ValueType.PROCESS_INSTANCE
        && record.getValue() instanceof ProcessInstanceRecordValue v
        && v.getBpmnElementType() == BpmnElementType.PROCESS) {
      Instance instance = instances.computeIfAbsent(v.getProcessInstanceKey(), k -> new Instance());
      if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        instance.started = at;
      } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
        instance.ended = at;
      }
    } else if (record.getValueType() == ValueType.INCIDENT
        && record.getIntent() == IncidentIntent.CREATED
        && record.getValue() instanceof IncidentRecordValue v) {
      Instance instance = instances.computeIfAbsent(v.getProcessInstanceKey(), k -> new Instance());
      instance.incidentElement = v.getElementId();
      instance.incidentMessage = v.getErrorType() + ": " + v.getErrorMessage();
    } else if (record.getValueType() == ValueType.JOB
        && record.getValue() instanceof JobRecordValue v
        && record.getIntent() instanceof JobIntent intent) {
      jobs.add(
          new JobEvent(
              at,
              record.getKey(),
              v.getProcessInstanceKey(),
              v.getElementId(),
              intent.name(),
              v.getRetries(),
              v.getErrorMessage()));
    } else if (record.getValueType() == ValueType.JOB_BATCH
        && record.getIntent() == JobBatchIntent.ACTIVATED
        && record.getValue() instanceof JobBatchRecordValue v) {
      List<Long> keys = v.getJobKeys();
      List<JobRecordValue> values = v.getJobs();
      for (int i = 0; i < keys.size(); i++) {
        JobRecordValue job = values.get(i);
        jobs.add(
            new JobEvent(
                at,
                keys.get(i),
                job.getProcessInstanceKey(),
                job.getElementId(),
                "ACTIVATED",
                job.getRetries(),
                ""));
      }
    }
  }

  Instance instance(long processInstanceKey) {
    return instances.get(processInstanceKey);
  }

  List<JobEvent> jobs() {
    return List.copyOf(jobs);
  }

  Map<String, Integer> rejections() {
    Map<String, Integer> out = new TreeMap<>();
    rejections.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
