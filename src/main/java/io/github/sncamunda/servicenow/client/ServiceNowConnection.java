package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.Pattern;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.common.FieldPatterns;
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
            tooltip =
                "Only your instance's name: dev12345 for https://dev12345.service-now.com. Leave it"
                    + " empty when Base URL override is set.",
            constraints =
                @PropertyConstraints(
                    pattern =
                        @Pattern(
                            value = FieldPatterns.INSTANCE_NAME,
                            message = FieldPatterns.INSTANCE_NAME_MESSAGE)))
        String instanceName,
    @TemplateProperty(
            group = "connection",
            label = "Base URL override",
            tooltip =
                "For custom domains, proxies or API gateways: an absolute https URL such as"
                    + " https://itsm.example.com. It replaces the instance name.",
            optional = true,
            constraints =
                @PropertyConstraints(
                    pattern =
                        @Pattern(value = FieldPatterns.URL, message = FieldPatterns.URL_MESSAGE)))
        String baseUrl,
    @TemplateProperty(
            group = "connection",
            label = "Response timeout (seconds)",
            type = PropertyType.String,
            tooltip = "How long to wait for ServiceNow's answer; 60 seconds when empty.",
            description = "ServiceNow itself cancels Table API transactions after 60 s",
            optional = true,
            constraints =
                @PropertyConstraints(
                    pattern =
                        @Pattern(
                            value = FieldPatterns.TIMEOUT_SECONDS,
                            message = FieldPatterns.TIMEOUT_SECONDS_MESSAGE)))
        Integer timeoutSeconds,
    @TemplateProperty(
            group = "connection",
            label = "Client certificate (PEM)",
            type = PropertyType.Text,
            optional = true,
            tooltip =
                "Optional, for mutual TLS: the certificate the connector presents when the"
                    + " instance asks for one (ServiceNow's certificate-based authentication on the"
                    + " ADCv2 load balancer, or a gateway), as PEM text, optionally followed by its"
                    + " intermediate CA certificates. Works with every authentication type; choose"
                    + " 'Client certificate only' when the certificate alone identifies the user."
                    + " Give its private key below, or a PKCS#12 keystore instead. Store it as a"
                    + " secret, e.g. {{secrets.snClientCert}}.")
        String clientCertificatePem,
    @TemplateProperty(
            group = "connection",
            label = "Client private key (PEM)",
            type = PropertyType.Text,
            optional = true,
            tooltip =
                "The client certificate's private key, unencrypted PKCS#8 (-----BEGIN PRIVATE"
                    + " KEY-----), RSA or EC. Convert a PKCS#1 key with: openssl pkcs8 -topk8"
                    + " -nocrypt -in key.pem -out key-pkcs8.pem. Store it as a secret, e.g."
                    + " {{secrets.snClientKey}}; it is never logged.")
        String clientKeyPem,
    @TemplateProperty(
            group = "connection",
            label = "Client keystore (PKCS#12, base64)",
            optional = true,
            tooltip =
                "Optional, for mutual TLS instead of the PEM certificate and key: a .p12/.pfx file"
                    + " holding one private key and its certificate chain, encoded as base64"
                    + " (base64 -w0 client.p12). Store it as a secret, e.g."
                    + " {{secrets.snClientP12}}.")
        String clientKeystore,
    @TemplateProperty(
            group = "connection",
            label = "Keystore password",
            optional = true,
            tooltip =
                "The PKCS#12 keystore's password (also used for its key). Store it as a secret,"
                    + " e.g. {{secrets.snClientP12Password}}.")
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

  /** A connection with no TLS settings of its own. */
  public ServiceNowConnection(String instanceName, String baseUrl, Integer timeoutSeconds) {
    this(instanceName, baseUrl, timeoutSeconds, null, null, null, null, null);
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
        clientCertificatePem,
        clientKeyPem,
        clientKeystore,
        clientKeystorePassword,
        pem);
  }

  /**
   * Which client certificate input is given: the PEM certificate and key, the PKCS#12 keystore, or
   * none; both is an input error.
   */
  ClientCertificateFormat clientCertificateFormatOrNone() {
    boolean pem = present(clientCertificatePem) || present(clientKeyPem);
    boolean pkcs12 = present(clientKeystore);
    if (pem && pkcs12) {
      throw new ConnectorInputException(
          "Give either the client certificate and private key (PEM) or the client keystore"
              + " (PKCS#12), not both");
    }
    return pem
        ? ClientCertificateFormat.PEM
        : pkcs12 ? ClientCertificateFormat.PKCS12 : ClientCertificateFormat.NONE;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
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
        + (format == null ? "pem+pkcs12" : format.name().toLowerCase(java.util.Locale.ROOT))
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
