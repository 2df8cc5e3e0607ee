package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.common.Fingerprint;
import io.github.sncamunda.servicenow.common.Pem;
import io.github.sncamunda.servicenow.common.SafeText;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The TLS side of a connection: the client certificate presented when the server asks for one
 * (mutual TLS) and the CAs trusted for the server's certificate. {@link #DEFAULT} presents none and
 * trusts what the JVM trusts, which includes a trust store given with {@code
 * -Djavax.net.ssl.trustStore} (the connectors runtime sets it from {@code
 * JAVAX_NET_SSL_TRUSTSTORE}). Hostname verification is never part of what changes here.
 *
 * <p>Each distinct identity gets its own connection pool (see {@code Routes}), found by a {@link
 * Fingerprint} of its inputs: no map holds key material as a key, and the inputs are hashed, not
 * parsed, on every call.
 */
final class TlsIdentity {

  static final TlsIdentity DEFAULT = new TlsIdentity(null, null, null, List.of());

  private static final String ALIAS = "client";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Fingerprint key;
  private final PrivateKey privateKey;
  private final X509Certificate[] chain;
  private final List<X509Certificate> trusted;

  private TlsIdentity(
      Fingerprint key,
      PrivateKey privateKey,
      X509Certificate[] chain,
      List<X509Certificate> trusted) {
    this.key = key;
    this.privateKey = privateKey;
    this.chain = chain;
    this.trusted = trusted;
  }

  /** The identity's cache key, or null for the default (no client certificate, JVM trust). */
  static Fingerprint keyOf(ServiceNowConnection connection) {
    ServiceNowConnection.ClientCertificateFormat format =
        connection.clientCertificateFormatOrNone();
    String ca = connection.caCertificatesPem();
    boolean customTrust = ca != null && !ca.isBlank();
    if (format == ServiceNowConnection.ClientCertificateFormat.NONE && !customTrust) {
      return null;
    }
    return switch (format) {
      case NONE -> Fingerprint.of(format.name(), customTrust ? ca : null);
      case PEM ->
          Fingerprint.of(
              format.name(),
              connection.clientCertificatePem(),
              connection.clientKeyPem(),
              customTrust ? ca : null);
      case PKCS12 ->
          Fingerprint.of(
              format.name(),
              connection.clientKeystore(),
              connection.clientKeystorePassword(),
              customTrust ? ca : null);
    };
  }

  /**
   * Reads and checks the connection's TLS inputs: input errors for anything unreadable or a key
   * that does not belong to its certificate; never quotes key material.
   */
  static TlsIdentity of(ServiceNowConnection connection, Fingerprint key) {
    PrivateKey privateKey = null;
    X509Certificate[] chain = null;
    switch (connection.clientCertificateFormatOrNone()) {
      case NONE -> {}
      case PEM -> {
        chain =
            Pem.certificates(connection.clientCertificatePem(), "Client certificate")
                .toArray(X509Certificate[]::new);
        privateKey = Pem.privateKey(connection.clientKeyPem(), "Client private key");
      }
      case PKCS12 -> {
        KeyStore store =
            Pem.pkcs12(
                connection.clientKeystore(),
                connection.clientKeystorePassword(),
                "Client keystore (PKCS#12)");
        String alias = onlyKeyEntry(store);
        char[] password =
            connection.clientKeystorePassword() == null
                ? new char[0]
                : connection.clientKeystorePassword().toCharArray();
        try {
          privateKey = (PrivateKey) store.getKey(alias, password);
          Certificate[] certificates = store.getCertificateChain(alias);
          chain = Arrays.copyOf(certificates, certificates.length, X509Certificate[].class);
        } catch (GeneralSecurityException | ClassCastException | ArrayStoreException e) {
          throw new ConnectorInputException(
              "Client keystore (PKCS#12): its key cannot be read with the keystore password");
        }
      }
    }
    if (privateKey != null) {
      requireMatch(privateKey, chain[0]);
    }
    String ca = connection.caCertificatesPem();
    List<X509Certificate> trusted =
        ca == null || ca.isBlank() ? List.of() : Pem.certificates(ca, "CA certificates");
    return new TlsIdentity(key, privateKey, chain, trusted);
  }

  /**
   * Fails with {@code TLS_FAILED} before anything is sent when the client certificate is expired or
   * not yet valid at {@code now}.
   */
  void checkValidAt(Instant now) {
    if (chain == null) {
      return;
    }
    X509Certificate certificate = chain[0];
    String subject =
        "'" + SafeText.escape(certificate.getSubjectX500Principal().getName(), 200) + "'";
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      throw new ConnectorException(
          ErrorCodes.TLS_FAILED,
          "The client certificate "
              + subject
              + " expired on "
              + certificate.getNotAfter().toInstant()
              + "; renew it and update the connection's client certificate");
    }
    if (now.isBefore(certificate.getNotBefore().toInstant())) {
      throw new ConnectorException(
          ErrorCodes.TLS_FAILED,
          "The client certificate "
              + subject
              + " is not valid before "
              + certificate.getNotBefore().toInstant()
              + "; check the certificate and the runtime's clock");
    }
  }

  boolean presentsClientCertificate() {
    return privateKey != null;
  }

  Fingerprint key() {
    return key;
  }

  /**
   * A new TLS context: this client certificate (if any) for every server that asks, and the CA
   * bundle as the only trust (if given), else the JVM's trust as configured at this moment.
   */
  SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new ClientKeys(privateKey, chain)}, trustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is required by every Java platform", e);
    }
  }

  private TrustManager[] trustManagers() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (trusted.isEmpty()) {
      // the JVM's own trust: cacerts, or javax.net.ssl.trustStore when set
      factory.init((KeyStore) null);
      return factory.getTrustManagers();
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an empty key store cannot fail to load", e);
    }
    for (int i = 0; i < trusted.size(); i++) {
      store.setCertificateEntry("ca-" + i, trusted.get(i));
    }
    factory.init(store);
    return factory.getTrustManagers();
  }

  /** For log lines: which certificate and how many CAs, never key material. */
  String describe() {
    StringBuilder out = new StringBuilder();
    if (chain != null) {
      out.append("client certificate ")
          .append("'" + SafeText.escape(chain[0].getSubjectX500Principal().getName(), 200) + "'");
    } else {
      out.append("no client certificate");
    }
    out.append(trusted.isEmpty() ? ", JVM trust" : ", " + trusted.size() + " trusted CA(s)");
    return out.toString();
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + describe() + ", key=" + ServiceNowAuthentication.REDACTED + "]";
  }

  private static String onlyKeyEntry(KeyStore store) {
    List<String> keys = new ArrayList<>();
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          keys.add(alias);
        }
      }
    } catch (KeyStoreException e) {
      throw new IllegalStateException("a loaded key store lists its aliases", e);
    }
    if (keys.size() != 1) {
      throw new ConnectorInputException(
          "Client keystore (PKCS#12) must hold exactly one private key with its certificate, holds "
              + keys.size());
    }
    return keys.get(0);
  }

  /** Proves the key belongs to the certificate: a signature by one, checked by the other. */
  private static void requireMatch(PrivateKey privateKey, X509Certificate certificate) {
    String algorithm =
        switch (privateKey.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default ->
              throw new ConnectorInputException(
                  "Client private key must be an RSA or EC key, is " + privateKey.getAlgorithm());
        };
    byte[] challenge = new byte[32];
    RANDOM.nextBytes(challenge);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false;
    }
    if (!matches) {
      throw new ConnectorInputException(
          "Client private key does not belong to the client certificate (the first certificate of"
              + " the chain)");
    }
  }

  /**
   * Presents the one configured certificate (if any) whenever the server asks for a client
   * certificate of its key type, whatever CA names the server lists (load balancers often list none
   * or others), and tells {@link TlsProblems} that the server asked: in TLS 1.3 a server refuses a
   * certificate at the end of the handshake or after it, often by just closing the connection, and
   * that is how the refusal is recognised.
   */
  private static final class ClientKeys extends X509ExtendedKeyManager {
    private final PrivateKey key;
    private final X509Certificate[] chain;

    ClientKeys(PrivateKey key, X509Certificate[] chain) {
      this.key = key;
      this.chain = chain == null ? null : chain.clone();
    }

    private String aliasFor(String[] keyTypes) {
      if (key == null) {
        return null;
      }
      if (keyTypes == null) {
        return ALIAS;
      }
      for (String keyType : keyTypes) {
        if (key.getAlgorithm().equalsIgnoreCase(keyType)) {
          return ALIAS;
        }
      }
      return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return aliasFor(new String[] {keyType}) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      String alias = aliasFor(keyTypes);
      TlsProblems.certificateRequested(alias != null);
      return alias;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine e) {
      String alias = aliasFor(keyTypes);
      TlsProblems.certificateRequested(alias != null);
      return alias;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return key != null && ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return key != null && ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String toString() {
      return "ClientKeys[" + ServiceNowAuthentication.REDACTED + "]";
    }
  }
}
