/**
 * The ServiceNow Webhook: an inbound connector that ServiceNow calls (the shipped script include in
 * {@code servicenow/}) the moment a record changes. {@code SignatureVerifier} checks the HMAC and
 * the timestamp window before anything of the body is read; the engine, through the message ID,
 * drops a call that a Record Watcher or a replay already delivered.
 */
package io.github.sncamunda.servicenow.inbound.webhook;
