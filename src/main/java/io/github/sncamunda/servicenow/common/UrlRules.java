package io.github.sncamunda.servicenow.common;

import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for a URL a user types (base URL override, OAuth token URL): absolute, an ASCII host,
 * https (plain http only for loopback), no user info, query or fragment, and no path tricks. A URL
 * that passes cannot point the connector, or its credentials, anywhere the user did not write.
 */
public final class UrlRules {

  private static final Pattern ASCII_HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]");
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private UrlRules() {}

  /** The URL normalised (lower-case scheme and host, no trailing slash), or an input error. */
  public static URI checked(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ConnectorInputException(field + " is required");
    }
    if (hasUserInfo(value)) {
      // checked before any message quotes the value: user info may be a password
      throw new ConnectorInputException(
          field + " must not contain user information (user@host); use the authentication fields");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new ConnectorInputException(field + " is not a valid URL: " + SafeText.quote(value));
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
              + " https://servicenow.example.com; got "
              + SafeText.quote(value));
    }
    if (uri.getRawUserInfo() != null) {
      throw new ConnectorInputException(
          field + " must not contain user information (user@host); use the authentication fields");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConnectorInputException(field + " must not contain a query or fragment");
    }
    if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
      throw new ConnectorInputException(
          field + " has a port out of range (1-65535): " + uri.getPort());
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.contains("//")
        || path.contains("/../")
        || path.endsWith("/..")
        || path.contains("/./")
        || path.contains("%")
        || path.contains("\\")) {
      throw new ConnectorInputException(field + " has an unsafe path: " + SafeText.quote(path));
    }
    boolean https = scheme.equals("https");
    boolean loopbackHttp = scheme.equals("http") && isLoopback(host);
    if (!https && !loopbackHttp) {
      throw new ConnectorInputException(
          field
              + " must use https (plain http is only accepted for localhost); got "
              + SafeText.quote(value));
    }
    String normalized =
        scheme
            + "://"
            + host.toLowerCase(Locale.ROOT)
            + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
            + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    return URI.create(normalized);
  }

  /** An '@' in the authority (between "//" and the next '/', '?' or '#'), parsed or not. */
  private static boolean hasUserInfo(String value) {
    int start = value.indexOf("//");
    if (start < 0) {
      return false;
    }
    int end = start + 2;
    while (end < value.length() && "/?#".indexOf(value.charAt(end)) < 0) {
      end++;
    }
    return value.substring(start + 2, end).contains("@");
  }

  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
  }
}
