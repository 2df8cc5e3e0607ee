/**
 * A stateful, in-process ServiceNow stand-in for end-to-end tests, demos and benchmarks.
 *
 * <pre>{@code
 * try (ServiceNowSimulator sn = new ServiceNowSimulator().start()) {
 *   sn.onFlowTriggered(call -> zeebe.newPublishMessageCommand()       // like the Camunda Spoke's
 *       .messageName(call.bodyField("messageName"))                     // "Correlate message"
 *       .correlationKey(call.bodyField("correlationValue")).send().join());
 *   sn.failNext(1, "POST", "/api/now/table/incident", Fault.dropAfterProcessing());
 *   // point the connector at sn.baseUrl() with admin/pw, then assert on sn.incidents(), sn.flowCalls() …
 * }
 * }</pre>
 *
 * <h2>Structure</h2>
 *
 * {@link io.github.sncamunda.servicenow.simulator.ServiceNowSimulator} is the facade tests use;
 * behind it one class per concern:
 *
 * <ul>
 *   <li>server and dispatch: {@code SimulatorServer} (JDK server; per request read, log, fault,
 *       route, answer), {@code Router} (path to endpoint, authentication first), {@code Request},
 *       {@code Reply}, {@code SimJson};
 *   <li>records: {@code Tables} (the instance's tables), {@code Table} (thread-safe rows), {@code
 *       TableSchema} and {@code StandardTables} (columns, references, defaults, numbering), {@code
 *       IncidentRules} (priority lookup, resolve/close stamps, choice labels), {@code Journal}
 *       (work notes and comments as {@code sys_journal_field} rows), {@code TableApi} (HTTP),
 *       {@code RecordJson} (display values, reference links), {@code Paging} ({@code Link}, {@code
 *       X-Total-Count}), {@code EncodedQuery};
 *   <li>service catalog: {@code ServiceCatalog} ({@code order_now}) and the public {@code
 *       CatalogOrder};
 *   <li>authentication and tokens: {@code Accounts} (users, OAuth clients, API keys), {@code
 *       Authenticator}, {@code TokenStore}, {@code TokenEndpoint};
 *   <li>flows and callbacks: {@code FlowTriggers} with the public {@code FlowHandler}, {@code
 *       FlowCallback}, {@code FlowCall}, {@code FlowResponse};
 *   <li>faults: the public {@link io.github.sncamunda.servicenow.simulator.Fault} and {@code
 *       FaultInjector};
 *   <li>request recording: {@code RequestLog} and the public {@code RecordedRequest}.
 * </ul>
 *
 * <p>Deliberate simplifications: tables exist once added ({@code incident} from the start, the
 * standard ITSM, CMDB and user tables by name, custom {@code x_…} tables that store any column;
 * others answer 400 "Invalid table"), with a useful subset of a base system's columns; priority is
 * computed for incidents only; numbers start at {@code <prefix>0010001} on every table; catalog
 * orders are one-step checkouts (no cart, no {@code cart_id} answer, no variable validation) making
 * one {@code sc_req_item} that carries the quantity, their error messages are the simulator's own;
 * reference fields are not validated and display as their sys_id; the encoded query subset is
 * described on {@code EncodedQuery} (unknown fields are ignored, so they match everything, as on
 * ServiceNow); every token grant issues a fresh access token (ServiceNow re-issues the still-valid
 * one with a longer expiry); a refresh grant keeps the refresh token; no XML, no {@code
 * sysparm_input_display_value}, no {@code sysparm_no_count} (the count is always sent); ACLs only
 * as {@code aclHides} (rows hidden from reads, after {@code sysparm_limit}, counted in {@code
 * X-Total-Count}); the {@code Link} header is sent on every page, even a single one; {@code
 * X-no-response-body} and {@code X-HTTP-Method-Override} are honoured; the API key is also accepted
 * as query parameter {@code x-sn-apikey}.
 */
package io.github.sncamunda.servicenow.simulator;
