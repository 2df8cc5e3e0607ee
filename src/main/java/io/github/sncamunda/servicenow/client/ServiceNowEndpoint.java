package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.common.SafeText;
import io.github.sncamunda.servicenow.common.UrlRules;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where requests go: {@code https://<instance name>.service-now.com}, or a validated base URL
 * override. Everything here is checked before any connection is opened, so a crafted input can
 * never point the connector at another host. Resolving is pure: the client remembers results.
 */
public final class ServiceNowEndpoint {

  private static final Pattern DNS_LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private final URI baseUri;
  private final String base;
  private final URI defaultTokenUrl;

  private ServiceNowEndpoint(URI baseUri) {
    this.baseUri = baseUri;
    this.base = baseUri.toString();
    this.defaultTokenUrl = URI.create(base + "/oauth_token.do");
  }

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
              + " got "
              + SafeText.quote(instanceName)
              + ". For a custom domain or gateway, use the base URL field instead.");
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

  /** Chooses the base URL override when given, else the instance name. */
  public static ServiceNowEndpoint resolve(String instanceName, String baseUrl) {
    return baseUrl != null && !baseUrl.isBlank() ? forBaseUrl(baseUrl) : forInstance(instanceName);
  }

  public URI baseUri() {
    return baseUri;
  }

  /** ServiceNow's token endpoint on this instance. */
  public URI defaultTokenUrl() {
    return defaultTokenUrl;
  }

  /** Builds the request URI; each path segment and query part is percent-encoded exactly once. */
  public URI uri(List<String> pathSegments, Map<String, String> query) {
    StringBuilder url = new StringBuilder(base.length() + 64);
    url.append(base);
    for (String segment : pathSegments) {
      url.append('/');
      PercentEncoding.appendEncoded(url, segment);
    }
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      url.append(separator);
      PercentEncoding.appendEncoded(url, parameter.getKey());
      url.append('=');
      PercentEncoding.appendEncoded(url, parameter.getValue());
      separator = '&';
    }
    return URI.create(url.toString());
  }

  /** Validates a user-supplied absolute URL (base URL or token URL) by the same rules. */
  public static URI checkedUrl(String value, String field) {
    return UrlRules.checked(value, field);
  }

  static boolean isLoopback(String host) {
    return UrlRules.isLoopback(host);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServiceNowEndpoint endpoint && endpoint.baseUri.equals(baseUri);
  }

  @Override
  public int hashCode() {
    return baseUri.hashCode();
  }

  @Override
  public String toString() {
    return "ServiceNowEndpoint[" + base + "]";
  }
}
