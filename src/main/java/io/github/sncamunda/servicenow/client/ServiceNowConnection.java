package io.github.sncamunda.servicenow.client;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import java.time.Duration;

/** Which ServiceNow instance to call, shared by every connector of the bundle. */
public record ServiceNowConnection(
    @TemplateProperty(
            group = "instance",
            label = "Instance name",
            description =
                "Only the name of your ServiceNow instance, e.g. your-instance-name for"
                    + " https://your-instance-name.service-now.com")
        String instanceName,
    @TemplateProperty(
            group = "connection",
            label = "Base URL override",
            description =
                "Optional. For custom domains, proxies or gateways: an absolute https URL, e.g."
                    + " https://itsm.example.com. Replaces the instance name.",
            optional = true)
        String baseUrl,
    @TemplateProperty(
            group = "connection",
            label = "Response timeout (seconds)",
            type = PropertyType.String,
            description =
                "Optional. How long to wait for ServiceNow's answer; default 60 (ServiceNow cancels"
                    + " Table API transactions after 60 s)",
            optional = true)
        Integer timeoutSeconds) {

  public static ServiceNowConnection instance(String instanceName) {
    return new ServiceNowConnection(instanceName, null, null);
  }

  public static ServiceNowConnection baseUrl(String baseUrl) {
    return new ServiceNowConnection(null, baseUrl, null);
  }

  public ServiceNowEndpoint endpoint() {
    return ServiceNowEndpoint.resolve(instanceName, baseUrl);
  }

  /** The per-call response timeout, or {@code fallback} when none was given. */
  public Duration responseTimeout(Duration fallback) {
    if (timeoutSeconds == null) {
      return fallback;
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
      throw new io.camunda.connector.api.error.ConnectorInputException(
          "Response timeout must be between 1 and 3600 seconds, was " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }
}
