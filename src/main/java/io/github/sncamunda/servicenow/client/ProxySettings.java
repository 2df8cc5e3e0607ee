package io.github.sncamunda.servicenow.client;

import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.common.Memo;
import io.github.sncamunda.servicenow.common.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The forward proxy, read the way the Camunda connectors runtime 8.8 configures its own HTTP
 * connectors, so one setting serves the REST connector and these: {@code
 * CONNECTOR_HTTPS_PROXY_HOST}, {@code _PORT}, {@code _SCHEME} (http, the default, or https), {@code
 * _USER}, {@code _PASSWORD}, the same with {@code HTTP} for plain-http targets (only loopback ones
 * here), and {@code CONNECTOR_HTTP_NON_PROXY_HOSTS} with Java's {@code http.nonProxyHosts} syntax.
 * Each is an environment variable or a system property of that name. When no {@code CONNECTOR_*}
 * host is set for a protocol, Java's {@code https.proxyHost}/{@code https.proxyPort} (and {@code
 * http.*}) system properties are used, with {@code https.proxyUser}/{@code https.proxyPassword} as
 * Apache HttpClient reads them; non-proxy hosts are the union of both settings, as in the runtime.
 *
 * @param https the proxy for https targets, or null
 * @param http the proxy for http targets, or null
 * @param nonProxyHosts patterns ({@code *} as a wildcard) of hosts reached directly
 */
public record ProxySettings(Proxy https, Proxy http, List<String> nonProxyHosts) {

  private static final Memo<String, Pattern> PATTERNS = new Memo<>(ProxySettings::compile, 256);
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+]");

  public ProxySettings {
    nonProxyHosts = List.copyOf(nonProxyHosts);
  }

  public static ProxySettings none() {
    return new ProxySettings(null, null, List.of());
  }

  /** The proxy a request to {@code scheme://host} goes through, if any. */
  public Optional<Proxy> forTarget(String scheme, String host) {
    Proxy proxy =
        "https".equalsIgnoreCase(scheme) ? https : "http".equalsIgnoreCase(scheme) ? http : null;
    if (proxy == null || bypasses(host)) {
      return Optional.empty();
    }
    return Optional.of(proxy);
  }

  /** Whether {@code host} matches one of the non-proxy patterns (case-insensitive). */
  public boolean bypasses(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    for (String pattern : nonProxyHosts) {
      if (matches(pattern, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String host) {
    return PATTERNS.get(pattern).matcher(host).matches();
  }

  /** {@code *} matches any characters, everything else itself, case-insensitively. */
  private static Pattern compile(String pattern) {
    String p = pattern.toLowerCase(Locale.ROOT);
    if (p.startsWith("[") && p.endsWith("]")) {
      p = p.substring(1, p.length() - 1);
    }
    String[] parts = p.split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }

  /** Reads the settings; a bad value fails with the variable's name, never a password. */
  static ProxySettings from(Function<String, String> lookup) {
    List<String> nonProxy = new ArrayList<>();
    nonProxy.addAll(patterns(lookup.apply("CONNECTOR_HTTP_NON_PROXY_HOSTS")));
    nonProxy.addAll(patterns(lookup.apply("http.nonProxyHosts")));
    return new ProxySettings(
        proxy(lookup, "HTTPS", "https", 443), proxy(lookup, "HTTP", "http", 80), nonProxy);
  }

  private static Proxy proxy(
      Function<String, String> lookup, String protocol, String javaPrefix, int javaDefaultPort) {
    String prefix = "CONNECTOR_" + protocol + "_PROXY_";
    String host = value(lookup, prefix + "HOST");
    if (host != null) {
      String portName = prefix + "PORT";
      String port = value(lookup, portName);
      if (port == null) {
        throw new IllegalArgumentException(
            portName + " is required when " + prefix + "HOST is set");
      }
      String scheme = value(lookup, prefix + "SCHEME");
      return proxy(
          prefix + "HOST",
          host,
          portName,
          port,
          prefix + "SCHEME",
          scheme == null ? "http" : scheme,
          prefix + "USER",
          value(lookup, prefix + "USER"),
          prefix + "PASSWORD",
          rawValue(lookup, prefix + "PASSWORD"));
    }
    String javaHost = value(lookup, javaPrefix + ".proxyHost");
    if (javaHost == null) {
      return null;
    }
    String javaPort = value(lookup, javaPrefix + ".proxyPort");
    return proxy(
        javaPrefix + ".proxyHost",
        javaHost,
        javaPrefix + ".proxyPort",
        javaPort == null ? String.valueOf(javaDefaultPort) : javaPort,
        "",
        "http",
        javaPrefix + ".proxyUser",
        value(lookup, javaPrefix + ".proxyUser"),
        javaPrefix + ".proxyPassword",
        rawValue(lookup, javaPrefix + ".proxyPassword"));
  }

  private static Proxy proxy(
      String hostName,
      String host,
      String portName,
      String port,
      String schemeName,
      String scheme,
      String userName,
      String user,
      String passwordName,
      String password) {
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException(
          hostName
              + " must be a host name or IP address only (no scheme, port or path), was "
              + SafeText.quote(host));
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      number = -1;
    }
    if (number < 1 || number > 65535) {
      throw new IllegalArgumentException(
          portName + " must be a port number from 1 to 65535, was " + SafeText.quote(port));
    }
    String normalizedScheme = scheme.toLowerCase(Locale.ROOT);
    if (!normalizedScheme.equals("http") && !normalizedScheme.equals("https")) {
      throw new IllegalArgumentException(
          schemeName
              + " must be http or https (how to talk to the proxy), was "
              + SafeText.quote(scheme));
    }
    boolean hasPassword = password != null && !password.isEmpty();
    if (user == null && hasPassword) {
      throw new IllegalArgumentException(passwordName + " is set but " + userName + " is not");
    }
    if (user != null && !hasPassword) {
      throw new IllegalArgumentException(
          passwordName + " is required when " + userName + " is set");
    }
    return new Proxy(normalizedScheme, host.toLowerCase(Locale.ROOT), number, user, password);
  }

  private static List<String> patterns(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : raw.split("\\|")) {
      String trimmed = part.strip();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return out;
  }

  private static String value(Function<String, String> lookup, String name) {
    String raw = lookup.apply(name);
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  /** Passwords are taken as given: leading or trailing spaces can be part of one. */
  private static String rawValue(Function<String, String> lookup, String name) {
    String raw = lookup.apply(name);
    return raw == null || raw.isEmpty() ? null : raw;
  }

  @Override
  public String toString() {
    return "ProxySettings[https="
        + https
        + ", http="
        + http
        + ", nonProxyHosts="
        + nonProxyHosts
        + "]";
  }

  /**
   * One proxy server. {@code user} and {@code password} are both set or both null; the password is
   * a secret and never printed.
   */
  public record Proxy(String scheme, String host, int port, String user, String password) {

    /** {@code scheme://host:port}, for messages. */
    public String authority() {
      return scheme + "://" + host + ":" + port;
    }

    public boolean authenticates() {
      return user != null;
    }

    @Override
    public String toString() {
      return "Proxy["
          + authority()
          + (user == null
              ? ""
              : ", user=" + user + ", password=" + ServiceNowAuthentication.REDACTED)
          + "]";
    }
  }
}
