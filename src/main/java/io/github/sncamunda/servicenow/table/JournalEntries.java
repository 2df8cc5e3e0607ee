package io.github.sncamunda.servicenow.table;

import java.util.List;

/** The result of Read journal: entries newest first, and how many came back. */
public record JournalEntries(List<JournalEntry> entries, int count) {}
