package io.github.sncamunda.servicenow.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import io.github.sncamunda.servicenow.incident.IncidentOperation;
import io.github.sncamunda.servicenow.record.RecordOperation;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Incident Handler and the Record Handler bind the same operations (create, read, update,
 * delete, search) into input models of their own: a field both have carries the same rules in both
 * (the same validation annotations, the same template constraints and type).
 */
class SharedInputRulesTest {

  private static Map<String, Class<?>> byId(Class<?> sealed) {
    Map<String, Class<?>> out = new LinkedHashMap<>();
    for (Class<?> type : sealed.getPermittedSubclasses()) {
      out.put(type.getAnnotation(TemplateSubType.class).id(), type);
    }
    return out;
  }

  /** The rules of one field: validation annotations, template constraints, type and feel. */
  private static Map<String, String> rules(RecordComponent component) {
    Map<String, String> out = new TreeMap<>();
    out.put("java type", component.getType().getSimpleName());
    for (Annotation a : component.getAnnotations()) {
      if (a instanceof TemplateProperty p) {
        out.put("template type", p.type().name());
        out.put("feel", p.feel().name());
        out.put("optional", String.valueOf(p.optional()));
        out.put("notEmpty", String.valueOf(p.constraints().notEmpty()));
        out.put("pattern", p.constraints().pattern().value());
      } else {
        out.put(a.annotationType().getSimpleName(), a.toString());
      }
    }
    return out;
  }

  @Test
  void fieldsBothConnectorsHaveCarryTheSameRules() {
    Map<String, Class<?>> incident = byId(IncidentOperation.class);
    Map<String, Class<?>> record = byId(RecordOperation.class);
    List<String> compared = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, Class<?>> operation : incident.entrySet()) {
      Class<?> other = record.get(operation.getKey());
      if (other == null) {
        continue;
      }
      for (RecordComponent field : operation.getValue().getRecordComponents()) {
        RecordComponent same =
            Arrays.stream(other.getRecordComponents())
                .filter(c -> c.getName().equals(field.getName()))
                .findFirst()
                .orElse(null);
        if (same == null) {
          continue;
        }
        compared.add(operation.getKey() + "." + field.getName());
        if (!rules(field).equals(rules(same))) {
          differences.add(
              operation.getKey()
                  + "."
                  + field.getName()
                  + ": incident "
                  + rules(field)
                  + " / record "
                  + rules(same));
        }
      }
    }
    assertThat(compared).contains("create.payload", "create.correlationId", "update.sysId");
    assertThat(differences).isEmpty();
  }
}
