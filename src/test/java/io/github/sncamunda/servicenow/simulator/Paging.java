package io.github.sncamunda.servicenow.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sysparm_limit}/{@code sysparm_offset} paging with {@code X-Total-Count} and a {@code Link}
 * header as ServiceNow writes it: {@code <url>;rel="first",<url>;rel="next",…} with absolute URLs
 * that repeat the request's parameters, {@code sysparm_limit} kept in place and {@code
 * sysparm_offset} set (appended when absent); {@code prev} and {@code next} only where there is
 * such a page, {@code last} at the start of the last page.
 */
final class Paging {

  final int total;
  final int limit;
  final int offset;
  final int from;
  final int to;

  private Paging(int total, int limit, int offset) {
    this.total = total;
    this.limit = limit;
    this.offset = offset;
    this.from = Math.min(offset, total);
    this.to = (int) Math.min((long) from + limit, total);
  }

  static Paging of(Request request, int total, int defaultLimit) {
    return new Paging(
        total,
        intParam(request.param("sysparm_limit"), defaultLimit),
        intParam(request.param("sysparm_offset"), 0));
  }

  <T> List<T> page(List<T> all) {
    return all.subList(from, to);
  }

  /** {@code X-Total-Count} and {@code Link} for this page. */
  Map<String, String> headers(Request request, String baseUrl) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Total-Count", Integer.toString(total));
    if (limit > 0
        && !"true".equalsIgnoreCase(request.param("sysparm_suppress_pagination_header"))) {
      headers.put("Link", links(request, baseUrl));
    }
    return headers;
  }

  private String links(Request request, String baseUrl) {
    List<String> parts = new ArrayList<>();
    parts.add(link(request, baseUrl, 0, "first"));
    if (offset > 0) {
      parts.add(link(request, baseUrl, Math.max(0, offset - limit), "prev"));
    }
    if ((long) offset + limit < total) {
      parts.add(link(request, baseUrl, offset + limit, "next"));
    }
    parts.add(link(request, baseUrl, total == 0 ? 0 : ((total - 1) / limit) * limit, "last"));
    return String.join(",", parts);
  }

  private String link(Request request, String baseUrl, int pageOffset, String rel) {
    Map<String, String> params = new LinkedHashMap<>(request.query());
    params.put("sysparm_offset", Integer.toString(pageOffset));
    params.put("sysparm_limit", Integer.toString(limit));
    StringBuilder url = new StringBuilder(baseUrl).append(request.path);
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      url.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      sep = '&';
    }
    return "<" + url + ">;rel=\"" + rel + "\"";
  }

  private static int intParam(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Math.max(0, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
