package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateSubType;

/**
 * ServiceNow's certificate-based authentication: the client certificate presented in the TLS
 * handshake (set in the connection settings) identifies the user, and requests carry no other
 * credential. The client refuses this type when the connection has no client certificate.
 */
@TemplateSubType(
    id = ClientCertificateAuthentication.TYPE,
    label = "Client certificate only (mutual TLS)")
public record ClientCertificateAuthentication() implements ServiceNowAuthentication {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "client-certificate";

  @Override
  public void validate() {
    // the certificate lives in the connection settings; the client checks it is there
  }

  @Override
  public String toString() {
    return "ClientCertificateAuthentication[]";
  }
}
