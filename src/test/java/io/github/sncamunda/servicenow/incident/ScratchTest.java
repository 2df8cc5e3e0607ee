package io.github.sncamunda.servicenow.incident;

import io.camunda.connector.generator.java.ClassBasedTemplateGenerator;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.client.Json;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void gen() throws Exception {
    var t = new ClassBasedTemplateGenerator().generate(IncidentHandlerFunction.class, io.camunda.connector.generator.api.GeneratorConfiguration.DEFAULT);
    System.err.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(t.get(0)));
  }
  @Test
  void bind() {
    for (String op : new String[] {"{\"operation\":\"explode\"}", "{}", "{\"operation\":\"search\",\"limit\":\"25\"}", "{\"operation\":\"search\",\"limit\":\"abc\"}", "{\"operation\":\"read\",\"sysId\":\"\"}"}) {
      try {
        var ctx = OutboundConnectorContextBuilder.create().variables("{\"connection\":{\"baseUrl\":\"http://localhost:1\"},\"authentication\":{\"type\":\"basic\",\"username\":\"u\",\"password\":\"{{secrets.SN_PWD}}\"},\"operation\":" + op + "}").secret("SN_PWD", "pw").build();
        System.err.println("OK " + ctx.bindVariables(IncidentRequest.class));
      } catch (Exception e) {
        System.err.println("EX " + e.getClass() + ": " + e.getMessage() + " cause " + e.getCause());
      }
    }
  }
}
