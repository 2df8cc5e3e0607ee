/**
 * The ServiceNow Flow Starter: starts a Flow Designer flow through its REST API trigger, or calls a
 * scripted REST API. {@code FlowStarterFunction} binds the input and delegates to {@code
 * FlowStarter}; {@code FlowInputs} holds the input rules, checked before anything is sent.
 */
package io.github.sncamunda.servicenow.flow;
