package io.github.sncamunda.servicenow.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Names a TLS failure by what to fix, from the JDK's exceptions: a server certificate that is not
 * trusted, expired or for another host, a client certificate the server wants or refuses, or a
 * server that does not speak TLS. Messages are built from fixed text and the TLS alert's name (a
 * fixed vocabulary); the JDK's own message text is never copied, as it can quote certificates.
 */
final class TlsProblems {

  /**
   * Set while this thread opens a connection, when the server asks for a client certificate: true
   * if one was presented. Handshakes run on the calling thread (classic, blocking I/O).
   */
  private static final ThreadLocal<Boolean> REQUESTED = new ThreadLocal<>();

  private static final Pattern ALERT = Pattern.compile("Received fatal alert: ([a-z_]{1,40})");

  private TlsProblems() {}

  /** Called by the key manager when the server asks for a client certificate. */
  static void certificateRequested(boolean presented) {
    if (!Boolean.TRUE.equals(REQUESTED.get())) {
      REQUESTED.set(presented);
    }
  }

  /**
   * Recognises a refused client certificate that shows no TLS alert. In TLS 1.3 the server checks
   * the client's certificate at the very end of the handshake, while the client is already sending
   * its last handshake message or the request; a refusal is an alert, or often just a closed or
   * reset connection that swallows it. So: a brand-new connection on which the server asked for a
   * client certificate, then closed or reset before any response, refused the certificate, and is
   * reported as such (never sent again), not as a broken connection.
   */
  static void configure(HttpClientBuilder builder) {
    builder.addExecInterceptorBefore(
        ChainElement.CONNECT.name(), "servicenow-client-certificate-verdict", TlsProblems::watch);
  }

  private static ClassicHttpResponse watch(
      ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    boolean fresh = !scope.execRuntime.isEndpointConnected();
    if (!fresh) {
      return chain.proceed(request, scope);
    }
    REQUESTED.remove();
    try {
      return chain.proceed(request, scope);
    } catch (SocketException
        | NoHttpResponseException
        | ConnectionClosedException
        | SSLException broken) {
      Boolean presented = REQUESTED.get();
      if (presented == null || broken instanceof SSLHandshakeException || alert(broken) != null) {
        throw broken;
      }
      throw new CertificateRefused(presented, broken);
    } finally {
      REQUESTED.remove();
    }
  }

  /** The server asked for a client certificate, then closed the new connection unanswered. */
  static final class CertificateRefused extends SSLException {
    private final boolean presented;

    CertificateRefused(boolean presented, IOException cause) {
      super("closed after the handshake", cause);
      this.presented = presented;
    }
  }

  static TransportException classify(SSLException e, URI uri, boolean clientCertificate) {
    if (!(e instanceof SSLHandshakeException)
        && !(e instanceof SSLPeerUnverifiedException)
        && !(e instanceof CertificateRefused)
        && causedBy(e, SocketException.class)
        && alert(e) == null) {
      // an established connection broke; the request may have been processed
      return new TransportException(
          TransportException.Kind.NO_RESPONSE, "the connection was reset", e);
    }
    String reason =
        e instanceof CertificateRefused refused
            ? "the server asked for a client certificate, then closed the new connection: "
                + (refused.presented
                    ? "it did not accept the client certificate. Check that it is valid, issued"
                        + " by a CA the instance trusts, and mapped to a user."
                    : "it requires one; set 'Client certificate (PEM)' and its key, or a client"
                        + " keystore, in the connection.")
            : reason(e, uri.getHost(), clientCertificate);
    return new TransportException(
        TransportException.Kind.TLS,
        "TLS handshake with "
            + uri.getScheme()
            + "://"
            + uri.getRawAuthority()
            + " failed: "
            + reason,
        e);
  }

  private static String reason(SSLException e, String host, boolean clientCertificate) {
    if (causedBy(e, CertificateExpiredException.class) || expiredPath(e)) {
      return "the server's certificate has expired. Ask the owner of " + host + " to renew it.";
    }
    if (causedBy(e, CertificateNotYetValidException.class)) {
      return "the server's certificate is not valid yet; check the runtime's clock.";
    }
    if (e instanceof SSLPeerUnverifiedException || hostMismatch(e)) {
      return "the server's certificate is not issued for "
          + host
          + " (host names are always verified). Use the host name the certificate names in the"
          + " base URL.";
    }
    if (causedBy(e, CertPathBuilderException.class)
        || causedBy(e, CertPathValidatorException.class)) {
      return "the server's certificate is not issued by a trusted CA. For a private CA, add its"
          + " certificate under 'CA certificates (PEM)' in the connection, or to the runtime's"
          + " trust store (JAVAX_NET_SSL_TRUSTSTORE).";
    }
    String alert = alert(e);
    if (alert != null) {
      return switch (alert) {
        case "certificate_required" -> noClientCertificate(alert, clientCertificate);
        case "bad_certificate",
            "unsupported_certificate",
            "certificate_revoked",
            "certificate_expired",
            "certificate_unknown",
            "unknown_ca",
            "access_denied" ->
            clientCertificate
                ? "the server refused the client certificate (TLS alert "
                    + alert
                    + "). Check that it is valid, issued by a CA the instance trusts, and mapped"
                    + " to a user."
                : noClientCertificate(alert, false);
        case "handshake_failure" ->
            "the server ended the handshake (TLS alert handshake_failure): no common protocol"
                + " version or cipher, or a client certificate it requires"
                + (clientCertificate ? " refused." : " missing.");
        default -> "the server ended the handshake (TLS alert " + alert + ").";
      };
    }
    if (causedBy(e, EOFException.class) || causedBy(e, SocketException.class)) {
      return "the server closed the connection during the handshake; it may require a client"
          + " certificate"
          + (clientCertificate ? " other than this one." : ".")
          + " Check proxies and TLS inspection between the runtime and the instance.";
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("Unsupported or unrecognized SSL message")
        || message.contains("plaintext connection")) {
      return "the server did not answer with TLS; check the base URL's scheme and port.";
    }
    return "(" + e.getClass().getSimpleName() + ").";
  }

  private static String noClientCertificate(String alert, boolean clientCertificate) {
    return clientCertificate
        ? "the server did not accept a client certificate (TLS alert " + alert + ")."
        : "the server requires a client certificate (TLS alert "
            + alert
            + "); set 'Client certificate (PEM)' and its key, or a client keystore, in the"
            + " connection.";
  }

  private static String alert(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        Matcher matcher = ALERT.matcher(t.getMessage());
        if (matcher.find()) {
          return matcher.group(1);
        }
      }
    }
    return null;
  }

  private static boolean hostMismatch(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (t instanceof java.security.cert.CertificateException
          && message != null
          && (message.contains("No subject alternative") || message.contains("No name matching"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean expiredPath(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CertPathValidatorException validator
          && validator.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
