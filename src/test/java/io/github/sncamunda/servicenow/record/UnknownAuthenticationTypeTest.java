package io.github.sncamunda.servicenow.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.binding.TypeNames;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An authentication type the bundle does not know is refused, naming the valid ones. */
class UnknownAuthenticationTypeTest extends RecordWireMockTest {

  private Object runWith(Map<String, Object> authentication) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("connection", Map.of("baseUrl", wm.baseUrl()));
    variables.put("authentication", authentication);
    variables.put("table", listed("incident"));
    variables.put("operation", Map.of("operation", "read", "sysId", SYS_ID));
    var context =
        OutboundConnectorContextBuilder.create()
            .objectMapper(Documents.MAPPER)
            .documentFactory(Documents.FACTORY)
            .variables(variables)
            .build();
    return new RecordHandlerFunction(client).execute(context);
  }

  @Test
  void anUnknownTypeIsAnInputErrorNamingEveryValidType() {
    Throwable thrown =
        catchThrowable(() -> runWith(Map.of("type", "nope", "username", "u", "password", "p")));

    assertThat(thrown)
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("authentication type must be one of")
        .hasMessageContaining(TypeNames.listed(ServiceNowAuthentication.class))
        .hasMessageContaining("oauth-jwt-bearer")
        .hasMessageContaining("client-certificate")
        .hasMessageNotContaining("password must not be blank");
    nothingSent();
  }
}
