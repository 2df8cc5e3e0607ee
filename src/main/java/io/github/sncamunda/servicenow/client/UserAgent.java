package io.github.sncamunda.servicenow.client;

/** Names the bundle and its version in every request, so ServiceNow admins can see who calls. */
final class UserAgent {

  static final String VALUE =
      "camunda-servicenow-connectors/" + version() + " (Java " + Runtime.version().feature() + ")";

  private UserAgent() {}

  private static String version() {
    String v = UserAgent.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
