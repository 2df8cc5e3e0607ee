package io.github.sncamunda.servicenow.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.sncamunda.servicenow.client.HttpMethod;
import java.util.Locale;

/**
 * The methods a ServiceNow REST API trigger accepts, in the order the template offers them (POST,
 * the usual one, first). Bound case-insensitively, so {@code "post"} from a FEEL expression works.
 */
public enum FlowMethod {
  POST(HttpMethod.POST),
  GET(HttpMethod.GET),
  PUT(HttpMethod.PUT),
  PATCH(HttpMethod.PATCH),
  DELETE(HttpMethod.DELETE);

  private final HttpMethod httpMethod;

  FlowMethod(HttpMethod httpMethod) {
    this.httpMethod = httpMethod;
  }

  public HttpMethod httpMethod() {
    return httpMethod;
  }

  /** Whether ServiceNow's REST trigger takes a request body with this method (POST, PUT, PATCH). */
  public boolean allowsBody() {
    return httpMethod.allowsBody();
  }

  @JsonCreator
  public static FlowMethod of(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Method must be one of POST, GET, PUT, PATCH, DELETE");
    }
  }
}
