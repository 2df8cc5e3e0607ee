/**
 * ServiceNow's Table API for any table, one small class per operation (create with correlation
 * look-up, read, update, delete, search with paging, journal entries, catalog orders), shared by
 * the Incident Handler (the table fixed to {@code incident}) and the Record Handler. Each operation
 * checks its inputs through {@link io.github.sncamunda.servicenow.table.TableInputs} before
 * anything is sent and talks through the shared client.
 */
package io.github.sncamunda.servicenow.table;
