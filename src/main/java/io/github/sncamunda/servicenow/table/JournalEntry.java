package io.github.sncamunda.servicenow.table;

/** One work note or comment as ServiceNow keeps it in {@code sys_journal_field}. */
public record JournalEntry(
    String sysId, String field, String value, String createdBy, String createdOn) {}
