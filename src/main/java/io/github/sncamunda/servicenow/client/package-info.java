/**
 * The ServiceNow HTTP client every connector shares. One call runs four stages: {@code Preparer}
 * (validate, serialise, build the URI into an immutable {@code Exchange}), the {@code
 * Authenticator} of the auth package (a credential, with a JVM-wide token cache), {@code Sender}
 * (the pooled {@code HttpTransport} under the one {@code RetryPolicy}, logged by {@code
 * ExchangeLog}) and {@code Interpreter} (a {@link
 * io.github.sncamunda.servicenow.client.ServiceNowResponse} or a connector error from {@code
 * ServiceNowErrors}). Public: {@link io.github.sncamunda.servicenow.client.ServiceNowClient}, the
 * request and response types, connection settings. Depends on {@code auth} and {@code common}.
 */
package io.github.sncamunda.servicenow.client;
