/**
 * Attachments as Camunda documents on any table's records: upload (streamed from the document
 * store, skip-if-present), list (paged), download (streamed into the document store), delete. Sizes
 * are bounded by {@code SizeLimit} before and while bytes move.
 */
package io.github.sncamunda.servicenow.attachment;
