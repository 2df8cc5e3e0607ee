package io.github.sncamunda.servicenow.client;

/** The methods ServiceNow's REST APIs accept, with whether repeating one is harmless. */
public enum HttpMethod {
  GET(true),
  POST(false),
  PUT(true),
  // not idempotent for ServiceNow: journal fields such as work_notes append on every PATCH
  PATCH(false),
  DELETE(true);

  private final boolean idempotent;

  HttpMethod(boolean idempotent) {
    this.idempotent = idempotent;
  }

  public boolean idempotent() {
    return idempotent;
  }

  public boolean allowsBody() {
    return this == POST || this == PUT || this == PATCH;
  }
}
