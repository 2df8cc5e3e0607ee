package io.github.sncamunda.servicenow.simulator;

/**
 * Answers one registered flow trigger path instead of the default {@code
 * {"result":{"executionId":…}}}.
 */
@FunctionalInterface
public interface FlowHandler {
  FlowResponse handle(FlowCall call);
}
