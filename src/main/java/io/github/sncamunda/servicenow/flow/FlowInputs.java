package io.github.sncamunda.servicenow.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.ApiKeyAuthentication;
import io.github.sncamunda.servicenow.common.Json;
import io.github.sncamunda.servicenow.common.SafeText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Flow Starter's input rules. Everything here runs before any request is sent and fails with a
 * {@link ConnectorInputException} that says what to change. Messages never echo header values or
 * the body (they may carry credentials of their own).
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>The path is entered unencoded; any {@code %} is refused (no pre-encoded or double-encoded
 *       {@code %2e}/{@code %2f}/{@code %5c} tricks), and the client percent-encodes each segment once.
 *   <li>Header and query values that are {@code null} are left out; text, numbers and booleans are
 *       sent as text; lists and maps are refused.
 *   <li>Header values must be printable US-ASCII (RFC 9110 field values): the HTTP client would
 *       otherwise replace other characters with {@code ?}. Query values may be any text (UTF-8,
 *       percent-encoded by the client).
 *   <li>A body given as text that starts with {@code {} or {@code [} is JSON text and is sent as that
 *       JSON (refused if it does not parse); other text is sent as a JSON string; blank text and
 *       {@code null} mean no body.
 * </ul>
 */
final class FlowInputs {

  static final String EXAMPLE_PATH = "/api/camun/my_flow_name";

  /** Headers the connector or its HTTP client owns, lower-case, with why. */
  private static final Map<String, String> RESERVED_HEADERS = reservedHeaders();

  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  private FlowInputs() {}

  /** The path's segments after validation, raw (decoded) as the client expects them. */
  static List<String> pathSegments(String path) {
    if (path == null || path.isBlank()) {
      throw input("REST API trigger path is required, e.g. " + EXAMPLE_PATH);
    }
    if (path.contains("://") || path.startsWith("//")) {
      throw input(
          "REST API trigger path must be only the path, e.g. "
              + EXAMPLE_PATH
              + ", without scheme or host: the host comes from the instance name (or base URL)");
    }
    int[] codePoints = path.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      int cp = codePoints[i];
      if (Character.isISOControl(cp)
          || Character.isWhitespace(cp)
          || Character.isSpaceChar(cp)
          || Character.getType(cp) == Character.FORMAT) {
        throw input(
            "REST API trigger path must not contain whitespace or control characters (found "
                + String.format("U+%04X", cp)
                + " at position "
                + (i + 1)
                + ")");
      }
    }
    if (path.indexOf('?') >= 0) {
      throw input(
          "REST API trigger path must not contain a query ('?'): put query parameters in the Query"
              + " parameters field");
    }
    if (path.indexOf('#') >= 0) {
      throw input("REST API trigger path must not contain a fragment ('#')");
    }
    if (path.indexOf('\\') >= 0) {
      throw input(
          "REST API trigger path must not contain backslashes ('\\'); segments are separated by"
              + " '/'");
    }
    if (path.indexOf('%') >= 0) {
      throw input(
          "REST API trigger path must not contain '%': enter the path unencoded, e.g. "
              + EXAMPLE_PATH
              + "; the connector percent-encodes each segment itself");
    }
    if (!path.startsWith("/api/")) {
      throw input(
          "REST API trigger path must start with /api/, e.g. "
              + EXAMPLE_PATH
              + "; got "
              + SafeText.quote(path));
    }
    List<String> segments = Arrays.asList(path.substring(1).split("/", -1));
    for (String segment : segments) {
      if (segment.isEmpty()) {
        throw input(
            "REST API trigger path must not contain empty segments ('//' or a trailing '/'); got "
                + SafeText.quote(path));
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw input(
            "REST API trigger path must not contain '.' or '..' segments; got "
                + SafeText.quote(path));
      }
    }
    if (segments.size() < 3) {
      throw input(
          "REST API trigger path must name the API after /api/, e.g. "
              + EXAMPLE_PATH
              + " (/api/<application scope>/<flow name>); got "
              + SafeText.quote(path));
    }
    return new ArrayList<>(segments);
  }

  /** Validated request headers with text values; null values are left out. */
  static Map<String, String> headers(Map<String, Object> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    if (headers == null) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, Object> header : headers.entrySet()) {
      String name = header.getKey();
      if (name == null || name.isEmpty()) {
        throw input("Header names must not be empty");
      }
      if (!isToken(name)) {
        throw input(
            "Header name "
                + SafeText.quote(name)
                + " is not a valid HTTP header name: use letters, digits and "
                + TCHAR_SYMBOLS
                + " only");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      String reason = RESERVED_HEADERS.get(lower);
      if (reason != null) {
        throw input("Header " + SafeText.quote(name) + " cannot be set in Headers: " + reason);
      }
      if (!seen.add(lower)) {
        throw input(
            "Header "
                + SafeText.quote(name)
                + " is given more than once (header names are case-insensitive)");
      }
      String value = scalar(header.getValue(), "Header " + SafeText.quote(name));
      if (value == null) {
        continue;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n' || c == 0) {
          throw input(
              "Header "
                  + SafeText.quote(name)
                  + " value must not contain line breaks (CR, LF) or NUL characters");
        }
        if (c != '\t' && (c < 0x20 || c == 0x7F)) {
          throw input(
              "Header " + SafeText.quote(name) + " value must not contain control characters");
        }
        if (c > 0x7E) {
          throw input(
              "Header "
                  + SafeText.quote(name)
                  + " value must be plain ASCII text (HTTP header values cannot carry other"
                  + " characters reliably); encode it, e.g. percent- or Base64-encode, or send it"
                  + " in the query parameters or the body");
        }
      }
      out.put(name, value);
    }
    return out;
  }

  /** Validated query parameters with text values; null values are left out. */
  static Map<String, String> queryParameters(Map<String, Object> parameters) {
    Map<String, String> out = new LinkedHashMap<>();
    if (parameters == null) {
      return out;
    }
    for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if (name == null || name.isBlank()) {
        throw input("Query parameter names must not be empty");
      }
      String value = scalar(parameter.getValue(), "Query parameter " + SafeText.quote(name));
      if (value != null) {
        out.put(name, value);
      }
    }
    return out;
  }

  /** The JSON to send, or null for none; refuses a body for GET and DELETE. */
  static JsonNode body(Object body, FlowMethod method) {
    if (body == null || (body instanceof String && ((String) body).isBlank())) {
      return null;
    }
    if (!method.allowsBody()) {
      throw input(
          "Request body is not allowed with "
              + method
              + ": ServiceNow REST API triggers take a body only with POST, PUT or PATCH. Remove"
              + " the body or change the method.");
    }
    if (body instanceof String) {
      String text = ((String) body).strip();
      if (text.startsWith("{") || text.startsWith("[")) {
        try {
          return Json.parse(text);
        } catch (JsonProcessingException e) {
          throw input(
              "Request body is text that looks like JSON but is not valid JSON (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + "); fix it, or give the body as a FEEL context such as {\"correlationValue\":"
                  + " camId}");
        }
      }
      return TextNode.valueOf((String) body);
    }
    try {
      return Json.tree(body);
    } catch (IllegalArgumentException e) {
      throw input("Request body cannot be sent as JSON");
    }
  }

  private static String scalar(Object value, String what) {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Number) {
      return number((Number) value, what);
    }
    if (value instanceof Map || value instanceof Collection || value.getClass().isArray()) {
      throw input(what + " must be text, a number or a boolean, not a list or an object");
    }
    throw input(what + " must be text, a number or a boolean");
  }

  private static String number(Number number, String what) {
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw input(what + " must be a finite number");
      }
    }
    try {
      // 10.0 -> "10", 1.50 -> "1.5", 1e21 -> "1000000000000000000000": what a person would type
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return number.toString();
    }
  }

  private static boolean isToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || TCHAR_SYMBOLS.indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> reservedHeaders() {
    String credentials = "the connector sets credentials from the Authentication section";
    String framing = "the connector's HTTP client manages the connection and message framing";
    Map<String, String> reserved = new LinkedHashMap<>();
    reserved.put("authorization", credentials);
    reserved.put(ApiKeyAuthentication.HEADER, credentials);
    reserved.put(
        "cookie",
        "the connector keeps no session cookies (ServiceNow serialises requests that share a"
            + " session)");
    reserved.put("proxy-authorization", credentials);
    reserved.put("host", "the host comes from the instance name (or base URL)");
    reserved.put("content-length", framing);
    reserved.put("transfer-encoding", framing);
    reserved.put("connection", framing);
    reserved.put("keep-alive", framing);
    reserved.put("proxy-connection", framing);
    reserved.put("upgrade", framing);
    reserved.put("te", framing);
    reserved.put("trailer", framing);
    reserved.put("expect", framing);
    return Map.copyOf(reserved);
  }

  private static ConnectorInputException input(String message) {
    return new ConnectorInputException(message);
  }
}
