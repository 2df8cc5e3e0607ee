package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The Table API: {@code /api/now/[v1/|v2/]table/<table>[/<sys_id>]}. */
final class TableApi {

  static final String PREFIX = "/api/now/table/";
  private static final int DEFAULT_LIMIT = 10_000;

  private final Tables tables;
  private final Supplier<String> baseUrl;

  TableApi(Tables tables, Supplier<String> baseUrl) {
    this.tables = tables;
    this.baseUrl = baseUrl;
  }

  /** Whether this path is the Table API (any version). */
  static boolean matches(String path) {
    return path.startsWith(PREFIX)
        || path.startsWith("/api/now/v1/table/")
        || path.startsWith("/api/now/v2/table/");
  }

  Reply handle(Request request, String user) {
    boolean v1 = request.path.startsWith("/api/now/v1/");
    String rest =
        request.path.substring(
            request.path.startsWith(PREFIX) ? PREFIX.length() : "/api/now/v1/table/".length());
    int slash = rest.indexOf('/');
    String name = slash < 0 ? rest : rest.substring(0, slash);
    String sysId =
        slash < 0 ? null : URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
    Table table = tables.find(name);
    if (table == null) {
      return Reply.error(400, "Invalid table " + name, null);
    }
    if (sysId != null && (sysId.isEmpty() || sysId.indexOf('/') >= 0)) {
      return Reply.noSuchResource();
    }
    if (name.equals(Journal.TABLE) && !request.method.equals("GET")) {
      // journal rows are written through the records' journal fields only
      return Reply.error(
          403, "Operation Failed", "ACL Exception Insert Failed due to security constraints");
    }
    return sysId == null
        ? collection(request, table, v1, user)
        : member(request, table, sysId, user);
  }

  private Reply collection(Request request, Table table, boolean v1, String user) {
    return switch (request.method) {
      case "GET" -> list(request, table, v1);
      case "POST" -> {
        JsonNode body = SimJson.objectBody(request.body());
        if (body == null) {
          yield Reply.invalidJson();
        }
        Map<String, String> record = table.insert(body, user);
        Map<String, String> headers =
            Map.of(
                "Location",
                baseUrl.get() + PREFIX + table.schema.name() + "/" + record.get("sys_id"));
        yield answer(request, table, 201, record).withHeaders(headers);
      }
      case "PUT", "PATCH", "DELETE" ->
          Reply.methodNotSupported(request.method + " method not supported for API");
      default -> Reply.methodNotSupported(null);
    };
  }

  private Reply member(Request request, Table table, String sysId, String user) {
    switch (request.method) {
      case "GET" -> {
        Map<String, String> record = table.get(sysId);
        return record == null || tables.hidden(table.schema.name(), record)
            ? Reply.notFound()
            : Reply.json(200, render(request, table).single(record));
      }
      case "PUT", "PATCH" -> {
        JsonNode body = SimJson.objectBody(request.body());
        if (body == null) {
          return Reply.invalidJson();
        }
        Map<String, String> record = table.update(sysId, body, user);
        return record == null ? Reply.notFound() : answer(request, table, 200, record);
      }
      case "DELETE" -> {
        return table.delete(sysId) ? Reply.empty(204) : Reply.notFound();
      }
      case "POST" -> {
        return Reply.methodNotSupported("POST method not supported for API");
      }
      default -> {
        return Reply.methodNotSupported(null);
      }
    }
  }

  /** The written record, or no body when {@code X-no-response-body: true}. */
  private Reply answer(Request request, Table table, int status, Map<String, String> record) {
    boolean noBody = "true".equalsIgnoreCase(request.header("X-no-response-body"));
    return new Reply(
        status,
        ServiceNowSimulator.JSON,
        noBody ? Reply.EMPTY : render(request, table).single(record),
        Map.of());
  }

  private Reply list(Request request, Table table, boolean v1) {
    tables.beforeList.accept(table.schema.name());
    List<Map<String, String>> matching =
        EncodedQuery.parse(request.param("sysparm_query"), table.queryableFields())
            .select(table.list());
    if (v1 && matching.isEmpty()) {
      return Reply.notFound();
    }
    Paging paging = Paging.of(request, matching.size(), DEFAULT_LIMIT);
    // ServiceNow applies sysparm_limit before ACLs: hidden rows leave a short page, next stays
    List<Map<String, String>> page = new ArrayList<>(paging.page(matching));
    page.removeIf(record -> tables.hidden(table.schema.name(), record));
    return new Reply(
        200,
        ServiceNowSimulator.JSON,
        render(request, table).list(page),
        paging.headers(request, baseUrl.get()));
  }

  private RecordJson render(Request request, Table table) {
    return RecordJson.of(table.schema, request, baseUrl.get());
  }
}
