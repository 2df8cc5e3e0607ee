/**
 * ServiceNow to Camunda by polling: the Record Watcher (message start events) and Wait for a
 * ServiceNow record (intermediate catch and boundary events). Both read through the one shared
 * {@code ServiceNowClient}; {@code Poller} runs one poll per interval on a daemon thread per
 * element, and what to ask and what to publish is decided by the I/O-free {@code changes} package.
 * Duplicates across polls and runtime replicas are dropped by the engine, through deterministic
 * message IDs, not by locks here.
 */
package io.github.sncamunda.servicenow.inbound;
