package io.github.sncamunda.servicenow.table;

import java.util.List;
import java.util.Map;

/**
 * The result of Search: the records, ServiceNow's total number of matches ({@code X-Total-Count};
 * null if it sent none), how many records came back, whether more matched than were returned
 * ({@code truncated}: the record cap or the page ended the search), and the offset to continue from
 * (null when there is nothing more).
 */
public record RecordPage(
    List<Map<String, Object>> records,
    Long total,
    int count,
    boolean truncated,
    Integer nextOffset) {}
