package io.github.sncamunda.servicenow.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.common.FieldPatterns;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The template's REST API trigger path pattern says yes where the connector's rule does. */
class FlowPathPatternTest {

  private static final Pattern PATH = Pattern.compile(FieldPatterns.FLOW_PATH);

  private static boolean connectorAccepts(String path) {
    try {
      FlowInputs.pathSegments(path);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  @Test
  void agreesWithTheConnector() {
    List<String> valid =
        List.of(
            "/api/camun/my_flow_name",
            "/api/x_acme/approvals/request",
            "/api/x_acme/orders/v1/placed",
            "/api/x/ä-ö",
            "/api/x_acme/.well-known");
    List<String> invalid =
        List.of(
            "",
            "api/x/y",
            "/api/x",
            "/api/x/",
            "/api//x",
            "/api/x/../y",
            "/api/x/./y",
            "/api/x/y?z=1",
            "/api/x/y#top",
            "/api/x/y%2F",
            "/api/x\\y/z",
            "/api/x/y z",
            "/api/x/y\tz",
            "/api/x/y\u00a0z",
            "/api/x/y\u200bz",
            "/api/x/y\u202ez",
            "https://dev1.service-now.com/api/x/y",
            "/now/table/incident");
    for (String path : valid) {
      assertThat(connectorAccepts(path)).as("the connector accepts %s", path).isTrue();
      assertThat(PATH.matcher(path).matches()).as("the pattern accepts %s", path).isTrue();
    }
    for (String path : invalid) {
      assertThat(connectorAccepts(path)).as("the connector refuses %s", path).isFalse();
      assertThat(PATH.matcher(path).matches()).as("the pattern refuses %s", path).isFalse();
    }
    assertThat(PATH.matcher("=flowPath").matches()).as("FEEL").isTrue();
  }
}
