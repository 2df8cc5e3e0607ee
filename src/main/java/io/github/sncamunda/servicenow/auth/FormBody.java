package io.github.sncamunda.servicenow.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** An {@code application/x-www-form-urlencoded} body, as ServiceNow's token endpoint expects. */
final class FormBody {

  private final StringBuilder encoded = new StringBuilder();

  FormBody add(String name, String value) {
    if (encoded.length() > 0) {
      encoded.append('&');
    }
    encoded.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=');
    encoded.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    return this;
  }

  byte[] bytes() {
    return encoded.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Never the content: it holds credentials. */
  @Override
  public String toString() {
    return "FormBody[" + ServiceNowAuthentication.REDACTED + "]";
  }
}
