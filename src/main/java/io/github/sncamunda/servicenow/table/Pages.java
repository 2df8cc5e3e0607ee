package io.github.sncamunda.servicenow.table;

import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Collects list answers page by page (Table API and Attachment API alike): one page, or every page
 * up to a record cap. ServiceNow applies {@code sysparm_limit} before ACL filtering, so a short
 * page is not the end: the next page is the one its {@code Link: rel="next"} names (or, without
 * links, as long as {@code X-Total-Count} says more exist).
 */
public final class Pages {

  /** Builds the request for one page. */
  @FunctionalInterface
  public interface PageRequest {
    ServiceNowRequest page(int limit, int offset);
  }

  /**
   * The records collected, ServiceNow's total ({@code X-Total-Count}, null if none), and the offset
   * to continue from (null when nothing more matched).
   */
  public record Collected(List<Map<String, Object>> records, Long total, Integer nextOffset) {}

  private Pages() {}

  public static Collected collect(
      TableSession session, PageRequest pages, int limit, int offset, boolean allPages, int cap) {
    List<Map<String, Object>> records = new ArrayList<>();
    Long total = null;
    Integer next = offset;
    while (next != null && records.size() < cap) {
      int pageSize = Math.min(limit, cap - records.size());
      ServiceNowRequest request = pages.page(pageSize, next);
      ServiceNowResponse response = session.execute(request);
      for (Map<String, Object> record : Records.list(response, request.describe())) {
        if (records.size() == cap) {
          break; // a server that ignores sysparm_limit must not push past the cap
        }
        records.add(record);
      }
      total =
          response.noRecord() ? Long.valueOf(0) : Records.number(response.header("x-total-count"));
      next = nextOffset(response, next, pageSize, total);
      if (!allPages) {
        break;
      }
    }
    return new Collected(records, total, next);
  }

  /** Where the next page starts, or null when this was the last. */
  private static Integer nextOffset(
      ServiceNowResponse response, int offset, int pageSize, Long total) {
    if (response.noRecord()) {
      return null;
    }
    String link = response.header("link");
    if (link != null) {
      OptionalInt next = Links.nextOffset(link);
      // a link that does not move forward would loop forever
      return next.isPresent() && next.getAsInt() > offset ? next.getAsInt() : null;
    }
    long following = (long) offset + pageSize;
    return total != null && following < total ? (int) following : null;
  }
}
