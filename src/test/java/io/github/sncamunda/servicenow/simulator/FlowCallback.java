package io.github.sncamunda.servicenow.simulator;

/**
 * What "the flow" does after it was triggered, e.g. publish a Zeebe message the way the Camunda
 * Spoke's "Correlate message" action does. Runs on the simulator's callback thread after the
 * configured delay; exceptions are collected in {@link ServiceNowSimulator#callbackFailures()}.
 */
@FunctionalInterface
public interface FlowCallback {
  void onTriggered(FlowCall call) throws Exception;
}
