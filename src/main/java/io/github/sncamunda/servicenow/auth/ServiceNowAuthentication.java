package io.github.sncamunda.servicenow.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import io.camunda.connector.generator.java.annotation.TemplateDiscriminatorProperty;

/**
 * How a connector authenticates against ServiceNow. One small record per type; every record redacts
 * its secrets in {@code toString()} so a logged input never shows them.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.PROPERTY,
    property = "type",
    defaultImpl = BasicAuthentication.class)
@JsonTypeIdResolver(AuthenticationTypes.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = BasicAuthentication.class, name = BasicAuthentication.TYPE),
  @JsonSubTypes.Type(
      value = OAuthClientCredentialsAuthentication.class,
      name = OAuthClientCredentialsAuthentication.TYPE),
  @JsonSubTypes.Type(
      value = OAuthPasswordAuthentication.class,
      name = OAuthPasswordAuthentication.TYPE),
  @JsonSubTypes.Type(
      value = BearerTokenAuthentication.class,
      name = BearerTokenAuthentication.TYPE),
  @JsonSubTypes.Type(value = ApiKeyAuthentication.class, name = ApiKeyAuthentication.TYPE),
  @JsonSubTypes.Type(
      value = OAuthJwtBearerAuthentication.class,
      name = OAuthJwtBearerAuthentication.TYPE),
  @JsonSubTypes.Type(
      value = ClientCertificateAuthentication.class,
      name = ClientCertificateAuthentication.TYPE)
})
@TemplateDiscriminatorProperty(
    label = "Authentication",
    group = "authentication",
    name = "type",
    defaultValue = BasicAuthentication.TYPE)
public sealed interface ServiceNowAuthentication
    permits BasicAuthentication,
        OAuthClientCredentialsAuthentication,
        OAuthPasswordAuthentication,
        BearerTokenAuthentication,
        ApiKeyAuthentication,
        OAuthJwtBearerAuthentication,
        ClientCertificateAuthentication {

  String REDACTED = "[REDACTED]";

  /** The description of every credential field: a warning, next to its tooltip. */
  String SECRET_WARNING = "Reference a secret; a typed value is stored in the diagram";

  /** Checks that every required value is present; throws {@code ConnectorInputException}. */
  void validate();
}
