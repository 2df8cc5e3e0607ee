package io.github.sncamunda.servicenow.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.inbound.CorrelationRequest;
import io.camunda.connector.api.inbound.CorrelationResult;
import io.camunda.connector.api.inbound.ProcessInstanceContext;
import io.camunda.connector.runtime.test.inbound.InboundConnectorContextBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SDK's test contexts (real property binding: secrets, nested properties, sealed types) with a
 * stand-in for the engine's message buffer: an ID is accepted once while its TTL lasts, as Zeebe
 * does, so several watchers behave like replicas publishing to one engine.
 */
final class InboundTestContexts {

  /** The engine's message buffer, shared by every context made from this builder. */
  final Map<String, Instant> buffered = new ConcurrentHashMap<>();

  final List<CorrelationRequest> accepted = new CopyOnWriteArrayList<>();
  final List<CorrelationRequest> attempts = new CopyOnWriteArrayList<>();
  final MovableClock clock = new MovableClock();
  Duration ttl = Duration.ofHours(1);

  private final Map<String, String> secrets = new ConcurrentHashMap<>();

  InboundTestContexts secret(String name, String value) {
    secrets.put(name, value);
    return this;
  }

  /** A start event's context with these properties (a builder each: properties are set once). */
  Builder.Watching watching(Map<String, ?> properties) {
    return builder(properties).new Watching();
  }

  Builder.Waiting waiting(Map<String, ?> properties, List<ProcessInstanceContext> instances) {
    return builder(properties).new Waiting(instances);
  }

  private Builder builder(Map<String, ?> properties) {
    Builder builder = new Builder();
    secrets.forEach(builder::secret);
    builder.properties(properties);
    return builder;
  }

  /** The SDK's builder, whose contexts correlate through this engine stand-in. */
  final class Builder extends InboundConnectorContextBuilder {

    /** A start event's context: correlation goes to the engine stand-in. */
    final class Watching extends TestInboundConnectorContext {
      Watching() {
        Builder.this.super(Builder.this.secretProvider, Builder.this.validationProvider, null);
      }

      @Override
      public CorrelationResult correlate(CorrelationRequest request) {
        attempts.add(request);
        Instant now = clock.instant();
        Instant expires = buffered.get(request.getMessageId());
        if (expires != null && now.isBefore(expires)) {
          return new CorrelationResult.Success.MessageAlreadyCorrelated(null);
        }
        buffered.put(request.getMessageId(), now.plus(ttl));
        accepted.add(request);
        return new CorrelationResult.Success.MessagePublished(null, 1L, null);
      }
    }

    /** An intermediate event's context with the given waiting instances. */
    final class Waiting extends TestInboundIntermediateConnectorContext {
      private final List<ProcessInstanceContext> instances;

      Waiting(List<ProcessInstanceContext> instances) {
        Builder.this.super(Builder.this.secretProvider, Builder.this.validationProvider);
        this.instances = instances;
      }

      @Override
      public List<ProcessInstanceContext> getProcessInstanceContexts() {
        return instances;
      }
    }
  }

  /** A waiting instance whose Record Sys ID expression gave {@code recordId}. */
  static final class Instance implements ProcessInstanceContext {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    final long key;
    final Object recordId;
    final List<Object> correlated = new CopyOnWriteArrayList<>();

    Instance(long key, Object recordId) {
      this.key = key;
      this.recordId = recordId;
    }

    @Override
    public Long getKey() {
      return key;
    }

    @Override
    public <T> T bind(Class<T> cls) {
      java.util.Map<String, Object> wait = new java.util.HashMap<>();
      wait.put("recordId", recordId);
      return MAPPER.convertValue(Map.of("waitFor", wait, "other", "ignored"), cls);
    }

    @Override
    public void correlate(Object variables) {
      correlated.add(variables);
    }
  }

  /** ServiceNow's clock in the simulator, moved by the test. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-07T03:00:00.250Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
