package io.github.sncamunda.servicenow.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.incident.IncidentOperation;
import io.github.sncamunda.servicenow.record.RecordOperation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ids messages list come from {@code @JsonSubTypes}; they are exactly the sealed type's
 * permitted subtypes, under the ids their templates show.
 */
class DerivedListsTest {

  @ParameterizedTest
  @ValueSource(
      classes = {ServiceNowAuthentication.class, IncidentOperation.class, RecordOperation.class})
  void jsonSubTypesNameEveryPermittedSubtypeByItsTemplateId(Class<?> base) {
    List<Class<?>> bound =
        Arrays.stream(base.getAnnotation(JsonSubTypes.class).value())
            .<Class<?>>map(JsonSubTypes.Type::value)
            .toList();
    List<String> templateIds =
        Arrays.stream(base.getPermittedSubclasses())
            .map(c -> c.getAnnotation(TemplateSubType.class).id())
            .toList();

    assertThat(bound).containsExactlyInAnyOrder(base.getPermittedSubclasses());
    assertThat(TypeNames.of(base)).containsExactlyInAnyOrderElementsOf(templateIds);
    assertThat(TypeNames.listed(base)).isEqualTo(String.join(", ", TypeNames.of(base)));
  }
}
