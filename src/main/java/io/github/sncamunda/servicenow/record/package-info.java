/**
 * The ServiceNow Record Handler: the table operations on any table the user chooses (common ITSM
 * tables or a typed name), plus work notes, comments, journals and catalog orders. {@code
 * RecordHandlerFunction} binds the input and delegates to {@code RecordOperations}, which maps each
 * operation onto the {@code table} package.
 */
package io.github.sncamunda.servicenow.record;
