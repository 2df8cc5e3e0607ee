package io.github.sncamunda.servicenow.inbound.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The queries that check many waiting records at once: {@code sys_idIN a,b,c…} with the user's
 * condition, at most {@code pageSize} sys_ids each and a query short enough that the whole URL
 * stays well under the 8 KB many proxies and ServiceNow's front end accept. 1,000 waiting instances
 * on one record each need ⌈1000/pageSize⌉ requests, not 1,000.
 */
public final class SysIdBatches {

  /** A sys_id as ServiceNow makes them: 32 lower-case hex digits (imported ones may differ). */
  private static final Pattern SYS_ID = Pattern.compile("[0-9a-zA-Z_-]{1,32}");

  /** Characters of {@code sysparm_query} per request, before percent-encoding (×1 for hex). */
  static final int MAX_QUERY_CHARS = 4_000;

  private SysIdBatches() {}

  /** Whether a value can be a sys_id (anything else is reported, never put into a query). */
  public static boolean isSysId(String value) {
    return value != null && SYS_ID.matcher(value).matches();
  }

  /** One request's parameters per batch, in the order the sys_ids came. */
  public static List<Map<String, String>> queries(
      List<String> sysIds, String condition, List<String> fields, int pageSize) {
    String filter = QueryFilter.check(condition, "Condition");
    String tail = filter.isEmpty() ? "" : "^" + filter;
    List<Map<String, String>> out = new ArrayList<>();
    List<String> batch = new ArrayList<>();
    int length = 0;
    for (String sysId : new LinkedHashSet<>(sysIds)) {
      if (!isSysId(sysId)) {
        throw new IllegalArgumentException("not a sys_id");
      }
      if (!batch.isEmpty()
          && (batch.size() == pageSize
              || length + 1 + sysId.length() + tail.length() > MAX_QUERY_CHARS)) {
        out.add(parameters(batch, tail, fields));
        batch = new ArrayList<>();
        length = 0;
      }
      batch.add(sysId);
      length += sysId.length() + 1;
    }
    if (!batch.isEmpty()) {
      out.add(parameters(batch, tail, fields));
    }
    return out;
  }

  private static Map<String, String> parameters(
      List<String> batch, String tail, List<String> fields) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("sysparm_query", "sys_idIN" + String.join(",", batch) + tail);
    if (!fields.isEmpty()) {
      LinkedHashSet<String> all = new LinkedHashSet<>(List.of("sys_id"));
      all.addAll(fields);
      query.put("sysparm_fields", String.join(",", all));
    }
    query.put("sysparm_limit", String.valueOf(batch.size()));
    query.put("sysparm_display_value", "false");
    query.put("sysparm_exclude_reference_link", "true");
    return query;
  }
}
