package io.github.sncamunda.servicenow.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A WireMock ServiceNow, one real client per test class, and a way to run the Flow Starter as the
 * runtime would. Job variables are built with {@link FlowTestSupport}.
 */
abstract class FlowWireMockTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static ServiceNowClient client;

  @BeforeAll
  static void createClient() {
    client = new ServiceNowClient(ClientSettings.defaults());
  }

  @AfterAll
  static void closeClient() throws Exception {
    client.close();
  }

  /** The connector's job context for {@code flow}, pointing at WireMock. */
  static OutboundConnectorContext context(FlowTestSupport.Flow flow) {
    return flow.context(wm.getPort());
  }

  /** Runs the Flow Starter with {@code context}, as the runtime would. */
  static Object execute(OutboundConnectorContext context) {
    return new FlowStarterFunction(client).execute(context);
  }

  static FlowStarterResult run(FlowTestSupport.Flow flow) {
    return (FlowStarterResult) execute(context(flow));
  }

  /** What running {@code flow} threw, or null. */
  static Throwable thrown(FlowTestSupport.Flow flow) {
    return catchThrowable(() -> execute(context(flow)));
  }

  /** The only request WireMock received. */
  static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }
}
