/**
 * The change feed without I/O or a clock of its own: which Table API query comes next (an inclusive
 * {@code sys_updated_on} window on ServiceNow's clock, paged by key), which rows become messages
 * and with which ID, how waiting instances are batched into {@code sys_idIN} queries, and how long
 * to back off. Kept pure so the property tests can interleave polls, updates and replicas freely.
 */
package io.github.sncamunda.servicenow.inbound.changes;
