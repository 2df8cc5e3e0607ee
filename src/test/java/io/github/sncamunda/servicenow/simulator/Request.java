package io.github.sncamunda.servicenow.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request being handled. The body is read whole before routing, except for endpoints that
 * stream it (attachment uploads), which read {@link #bodyStream()} themselves.
 */
final class Request {

  final HttpExchange exchange;
  final String method;
  final String path;
  final String rawQuery;
  final Instant receivedAt;
  private byte[] body;
  private Map<String, String> query;
  private RecordedRequest record;

  /** Who the request authenticated as (user, or OAuth client on the token endpoint). */
  volatile String principal;

  /** Body bytes read, by the server or by a streaming endpoint. */
  volatile long bodyBytes;

  Request(HttpExchange exchange, Instant receivedAt) {
    this.exchange = exchange;
    String m = exchange.getRequestMethod();
    String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
    if (override != null && m.equals("POST")) {
      m = override.toUpperCase(Locale.ROOT);
    }
    this.method = m;
    this.path = exchange.getRequestURI().getRawPath();
    this.rawQuery = exchange.getRequestURI().getRawQuery();
    this.receivedAt = receivedAt;
  }

  /** Reads the whole body now (done by the server for every non-streaming endpoint). */
  void readBody() throws IOException {
    if (body == null) {
      body = exchange.getRequestBody().readAllBytes();
      bodyBytes = body.length;
    }
  }

  byte[] body() {
    if (body == null) {
      throw new IllegalStateException("body not read: this endpoint streams it");
    }
    return body;
  }

  InputStream bodyStream() {
    return exchange.getRequestBody();
  }

  Map<String, String> query() {
    if (query == null) {
      query = decodeForm(rawQuery);
    }
    return query;
  }

  String param(String name) {
    return rawQuery == null ? null : query().get(name);
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The request as tests see it (built once); the body is "" when the endpoint streams it. */
  RecordedRequest record() {
    if (record == null) {
      record = newRecord();
    }
    return record;
  }

  private RecordedRequest newRecord() {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
    return new RecordedRequest(
        method,
        path,
        Collections.unmodifiableMap(query()),
        Collections.unmodifiableMap(headers),
        body == null ? "" : new String(body, StandardCharsets.UTF_8),
        exchange.getRemoteAddress().getAddress().getHostAddress()
            + ":"
            + exchange.getRemoteAddress().getPort(),
        receivedAt);
  }

  /** {@code a=1&b=2} decoded; the first value of a repeated name wins. */
  static Map<String, String> decodeForm(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(key, value);
    }
    return out;
  }
}
