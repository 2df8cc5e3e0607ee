package io.github.sncamunda.servicenow.table;

/** The result of Delete; a missing record fails with error code "404" instead. */
public record DeletedRecord(String sysId, boolean deleted) {}
