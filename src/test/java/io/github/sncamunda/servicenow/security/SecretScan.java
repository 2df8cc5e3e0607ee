package io.github.sncamunda.servicenow.security;

import io.camunda.connector.api.error.ConnectorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Known secret values and every form they could take on the way out: as typed, URL-encoded (OAuth
 * forms), Base64 of {@code user:password} (Basic headers), JSON-escaped. {@link #findings} lists
 * which of them appear in a text.
 */
public final class SecretScan {

  private final Set<String> forms = new LinkedHashSet<>();
  private final List<Object> seen = new ArrayList<>();

  public SecretScan secret(String value) {
    forms.add(value);
    forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    forms.add(value.replace("\\", "\\\\").replace("\"", "\\\""));
    return this;
  }

  /** A Basic credential: the password and {@code base64(user:password)}. */
  public SecretScan basic(String user, String password) {
    secret(password);
    forms.add(
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** Remembers a result or a failure (message, causes, suppressed, code and error variables). */
  public void see(Object resultOrFailure) {
    if (resultOrFailure instanceof Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
        seen.add(t.toString());
        for (Throwable suppressed : t.getSuppressed()) {
          seen.add(suppressed.toString());
        }
        if (t instanceof ConnectorException connector) {
          seen.add(connector.getErrorCode());
          seen.add(String.valueOf(connector.getErrorVariables()));
        }
      }
    } else {
      seen.add(String.valueOf(resultOrFailure));
    }
  }

  /** Everything seen so far, joined. */
  public String seenText() {
    return String.join("\n", seen.stream().map(String::valueOf).toList());
  }

  public int seenCount() {
    return seen.size();
  }

  /** The secret forms that appear in {@code text}. */
  public List<String> findings(String text) {
    return forms.stream().filter(text::contains).toList();
  }
}
