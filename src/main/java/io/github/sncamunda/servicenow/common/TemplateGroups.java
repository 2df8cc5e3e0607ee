package io.github.sncamunda.servicenow.common;

/** Hover help of the property groups every connector's template shares. */
public final class TemplateGroups {

  public static final String INSTANCE = "Which ServiceNow instance to call";

  public static final String AUTHENTICATION =
      "How the connector signs in to ServiceNow; reference credentials as secrets";

  public static final String CONNECTION =
      "Optional: a base URL instead of the instance name, the response timeout, and certificates"
          + " for mutual TLS or a private CA";

  private TemplateGroups() {}
}
