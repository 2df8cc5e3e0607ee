package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where requests go: {@code https://<instance name>.service-now.com}, or a validated base URL
 * override. Everything here is checked before any connection is opened, so a crafted input can
 * never point the connector at another host.
 */
public record ServiceNowEndpoint(URI baseUri) {

  private static final Pattern DNS_LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final int MAX_REMEMBERED = 256;
  private static final java.util.concurrent.ConcurrentHashMap<String, ServiceNowEndpoint> RESOLVED =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final Pattern ASCII_HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]");

  public static ServiceNowEndpoint forInstance(String instanceName) {
    if (instanceName == null || instanceName.isEmpty()) {
      throw new ConnectorInputException(
          "Instance name is required: the name of your ServiceNow instance, e.g. 'dev12345' for"
              + " https://dev12345.service-now.com");
    }
    if (!DNS_LABEL.matcher(instanceName).matches()) {
      throw new ConnectorInputException(
          "Instance name must be only the name of your ServiceNow instance (letters, digits and"
              + " inner hyphens, at most 63), e.g. 'dev12345' for https://dev12345.service-now.com;"
              + " got '"
              + printable(instanceName)
              + "'. For a custom domain or gateway, use the base URL field instead.");
    }
    return new ServiceNowEndpoint(
        URI.create("https://" + instanceName.toLowerCase(Locale.ROOT) + ".service-now.com"));
  }

  /**
   * The base URL override: absolute https (http only for loopback), no userinfo, query or fragment.
   */
  public static ServiceNowEndpoint forBaseUrl(String baseUrl) {
    return new ServiceNowEndpoint(checkedUrl(baseUrl, "Base URL"));
  }

  /**
   * Chooses the base URL override when given, else the instance name. Validation is pure, so a
   * process that calls the same instance thousands of times validates it once; only valid inputs
   * are remembered, and the cache is emptied rather than allowed to grow past a few hundred.
   */
  public static ServiceNowEndpoint resolve(String instanceName, String baseUrl) {
    boolean override = baseUrl != null && !baseUrl.isBlank();
    String key = override ? "url:" + baseUrl : "instance:" + instanceName;
    ServiceNowEndpoint known = RESOLVED.get(key);
    if (known != null) {
      return known;
    }
    ServiceNowEndpoint resolved = override ? forBaseUrl(baseUrl) : forInstance(instanceName);
    if (RESOLVED.size() >= MAX_REMEMBERED) {
      RESOLVED.clear();
    }
    RESOLVED.put(key, resolved);
    return resolved;
  }

  /** ServiceNow's token endpoint on this instance. */
  public URI defaultTokenUrl() {
    return URI.create(baseUri + "/oauth_token.do");
  }

  /** Builds the request URI; each path segment and query part is percent-encoded exactly once. */
  public URI uri(List<String> pathSegments, Map<String, String> query) {
    StringBuilder url = new StringBuilder(baseUri.toString());
    for (String segment : pathSegments) {
      url.append('/').append(PercentEncoding.encode(segment));
    }
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      url.append(separator).append(PercentEncoding.encode(parameter.getKey()));
      url.append('=').append(PercentEncoding.encode(parameter.getValue()));
      separator = '&';
    }
    return URI.create(url.toString());
  }

  /** Validates a user-supplied absolute URL (base URL or token URL) by the same rules. */
  public static URI checkedUrl(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ConnectorInputException(field + " is required");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new ConnectorInputException(field + " is not a valid URL: '" + printable(value) + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!uri.isAbsolute()
        || uri.isOpaque()
        || host == null
        || !ASCII_HOST.matcher(host).matches()) {
      throw new ConnectorInputException(
          field
              + " must be an absolute URL with a plain host name, e.g."
              + " https://servicenow.example.com; got '"
              + printable(value)
              + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new ConnectorInputException(
          field + " must not contain user information (user@host); use the authentication fields");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConnectorInputException(field + " must not contain a query or fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.contains("//")
        || path.contains("/../")
        || path.endsWith("/..")
        || path.contains("/./")
        || path.contains("%")
        || path.contains("\\")) {
      throw new ConnectorInputException(field + " has an unsafe path: '" + printable(path) + "'");
    }
    boolean https = scheme.equals("https");
    boolean loopbackHttp = scheme.equals("http") && isLoopback(host);
    if (!https && !loopbackHttp) {
      throw new ConnectorInputException(
          field
              + " must use https (plain http is only accepted for localhost); got '"
              + printable(value)
              + "'");
    }
    String normalized =
        scheme
            + "://"
            + host.toLowerCase(Locale.ROOT)
            + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
            + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    return URI.create(normalized);
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
  }

  /** Shows control characters escaped so an error message cannot be used to forge log lines. */
  static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(200)
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
