/**
 * The ServiceNow Incident Handler: create, read, update, delete and search records of the {@code
 * incident} table, one small class per operation.
 */
package io.github.sncamunda.servicenow.incident;
