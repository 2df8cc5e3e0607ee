package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.common.SafeText;
import java.time.Duration;

/**
 * Which ServiceNow instance to call and how to reach it, shared by every connector of the bundle:
 * base URL, timeout, and the TLS side of the connection, a client certificate for mutual TLS (with
 * any authentication type) and a CA bundle for a private CA. {@code toString()} redacts the key
 * material.
 */
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
        Integer timeoutSeconds,
    @TemplateProperty(
            group = "connection",
            label = "Client certificate (mutual TLS)",
            type = PropertyType.Dropdown,
            defaultValue = ServiceNowConnection.NO_CLIENT_CERTIFICATE,
            tooltip =
                "A certificate the connector presents in the TLS handshake, for instances that"
                    + " require mutual TLS (ServiceNow's certificate-based authentication, on the"
                    + " ADCv2 load balancer). Works with every authentication type; choose the"
                    + " authentication 'Client certificate only' when the certificate alone"
                    + " identifies the user.",
            choices = {
              @DropdownPropertyChoice(
                  value = ServiceNowConnection.NO_CLIENT_CERTIFICATE,
                  label = "None"),
              @DropdownPropertyChoice(value = "pem", label = "PEM certificate and private key"),
              @DropdownPropertyChoice(value = "pkcs12", label = "PKCS#12 keystore")
            })
        String clientCertificate,
    @TemplateProperty(
            group = "connection",
            label = "Client certificate (PEM)",
            constraints = @PropertyConstraints(notEmpty = true),
            type = PropertyType.Text,
            tooltip =
                "The client certificate as PEM text, optionally followed by its intermediate CA"
                    + " certificates. Store it as a secret, e.g. {{secrets.snClientCert}}.",
            condition =
                @PropertyCondition(property = "connection.clientCertificate", equals = "pem"))
        String clientCertificatePem,
    @TemplateProperty(
            group = "connection",
            label = "Client private key (PEM)",
            constraints = @PropertyConstraints(notEmpty = true),
            type = PropertyType.Text,
            tooltip =
                "The certificate's private key, unencrypted PKCS#8 (-----BEGIN PRIVATE KEY-----),"
                    + " RSA or EC. Convert a PKCS#1 key with: openssl pkcs8 -topk8 -nocrypt -in"
                    + " key.pem -out key-pkcs8.pem. Store it as a secret, e.g."
                    + " {{secrets.snClientKey}}; it is never logged.",
            condition =
                @PropertyCondition(property = "connection.clientCertificate", equals = "pem"))
        String clientKeyPem,
    @TemplateProperty(
            group = "connection",
            label = "Client keystore (PKCS#12, base64)",
            constraints = @PropertyConstraints(notEmpty = true),
            tooltip =
                "A .p12/.pfx file holding one private key and its certificate chain, encoded as"
                    + " base64 (base64 -w0 client.p12). Store it as a secret, e.g."
                    + " {{secrets.snClientP12}}.",
            condition =
                @PropertyCondition(property = "connection.clientCertificate", equals = "pkcs12"))
        String clientKeystore,
    @TemplateProperty(
            group = "connection",
            label = "Keystore password",
            optional = true,
            tooltip =
                "The PKCS#12 keystore's password (also used for its key). Store it as a secret,"
                    + " e.g. {{secrets.snClientP12Password}}.",
            condition =
                @PropertyCondition(property = "connection.clientCertificate", equals = "pkcs12"))
        String clientKeystorePassword,
    @TemplateProperty(
            group = "connection",
            label = "CA certificates (PEM)",
            type = PropertyType.Text,
            optional = true,
            tooltip =
                "Optional. For an instance or gateway whose certificate comes from a private CA:"
                    + " the CA certificates as PEM text. They replace the runtime's trust for"
                    + " this connection only; the host name is still verified. For every"
                    + " connection of the runtime, use its trust store (JAVAX_NET_SSL_TRUSTSTORE)"
                    + " instead.")
        String caCertificatesPem) {

  @TemplateProperty(ignore = true)
  static final String NO_CLIENT_CERTIFICATE = "none";

  /** A connection with no TLS settings of its own. */
  public ServiceNowConnection(String instanceName, String baseUrl, Integer timeoutSeconds) {
    this(instanceName, baseUrl, timeoutSeconds, null, null, null, null, null, null);
  }

  public static ServiceNowConnection instance(String instanceName) {
    return new ServiceNowConnection(instanceName, null, null);
  }

  public static ServiceNowConnection baseUrl(String baseUrl) {
    return new ServiceNowConnection(null, baseUrl, null);
  }

  /** This connection with a PEM client certificate (chain) and its PKCS#8 private key. */
  public ServiceNowConnection withClientCertificatePem(String certificatePem, String keyPem) {
    return new ServiceNowConnection(
        instanceName,
        baseUrl,
        timeoutSeconds,
        "pem",
        certificatePem,
        keyPem,
        null,
        null,
        caCertificatesPem);
  }

  /** This connection with a base64 PKCS#12 client keystore. */
  public ServiceNowConnection withClientKeystore(String keystoreBase64, String password) {
    return new ServiceNowConnection(
        instanceName,
        baseUrl,
        timeoutSeconds,
        "pkcs12",
        null,
        null,
        keystoreBase64,
        password,
        caCertificatesPem);
  }

  /** This connection trusting only the CAs in {@code pem}. */
  public ServiceNowConnection withCaCertificates(String pem) {
    return new ServiceNowConnection(
        instanceName,
        baseUrl,
        timeoutSeconds,
        clientCertificate,
        clientCertificatePem,
        clientKeyPem,
        clientKeystore,
        clientKeystorePassword,
        pem);
  }

  /** Which client certificate input is used; an unknown choice is an input error. */
  ClientCertificateFormat clientCertificateFormatOrNone() {
    if (clientCertificate == null || clientCertificate.isBlank()) {
      return ClientCertificateFormat.NONE;
    }
    return switch (clientCertificate.strip()) {
      case NO_CLIENT_CERTIFICATE -> ClientCertificateFormat.NONE;
      case "pem" -> ClientCertificateFormat.PEM;
      case "pkcs12" -> ClientCertificateFormat.PKCS12;
      default ->
          throw new ConnectorInputException(
              "Client certificate must be one of none, pem, pkcs12; got "
                  + SafeText.quote(clientCertificate));
    };
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

  @Override
  public String toString() {
    ClientCertificateFormat format;
    try {
      format = clientCertificateFormatOrNone();
    } catch (ConnectorInputException unknown) {
      format = null;
    }
    return "ServiceNowConnection[instanceName="
        + instanceName
        + ", baseUrl="
        + baseUrl
        + ", timeoutSeconds="
        + timeoutSeconds
        + ", clientCertificate="
        + (format == null ? "?" : format.name().toLowerCase(java.util.Locale.ROOT))
        + (format == null || format == ClientCertificateFormat.NONE
            ? ""
            : " " + ServiceNowAuthentication.REDACTED)
        + ", caCertificates="
        + (caCertificatesPem == null || caCertificatesPem.isBlank() ? "none" : "given")
        + "]";
  }

  /** The client certificate inputs a connection can carry. */
  enum ClientCertificateFormat {
    NONE,
    PEM,
    PKCS12
  }
}
