package io.github.sncamunda.servicenow.client;

import io.github.sncamunda.servicenow.auth.Credential;
import io.github.sncamunda.servicenow.common.Memo;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One pooled Apache HttpClient 5 with keep-alive and real connect/response timeouts. It sends a
 * request once, never retries by itself (the caller decides what is safe to repeat), keeps no
 * cookies (ServiceNow serialises requests that share a session) and follows no redirects. It
 * reaches ServiceNow through the configured forward proxy ({@link ProxyRoutes}) and speaks TLS with
 * one {@link TlsIdentity}: the client certificate it presents and the CAs it trusts, with host
 * names always verified. Each identity has its own transport.
 */
final class HttpTransport implements Closeable {

  private final CloseableHttpClient http;
  private final PoolingHttpClientConnectionManager pool;
  private final ClientSettings settings;
  private final TlsIdentity tls;
  // a socket timeout bounds each read, not the exchange: a server dripping one byte at a time
  // would hold a runtime thread forever, so every exchange also gets a hard deadline
  private final ScheduledThreadPoolExecutor deadlines = deadlineScheduler();
  // built once: most calls use the runtime-wide timeout and one of two content types
  private final RequestConfig defaultRequestConfig;
  private final Memo<String, ContentType> contentTypes = new Memo<>(ContentType::parse, 64);

  HttpTransport(ClientSettings settings) {
    this(settings, TlsIdentity.DEFAULT);
  }

  HttpTransport(ClientSettings settings, TlsIdentity tls) {
    this(settings, QuietConnections.INSTANCE, tls);
  }

  /** {@code connections} is replaceable only so a test can prove what the quiet ones prevent. */
  HttpTransport(
      ClientSettings settings, HttpConnectionFactory<ManagedHttpClientConnection> connections) {
    this(settings, connections, TlsIdentity.DEFAULT);
  }

  private HttpTransport(
      ClientSettings settings,
      HttpConnectionFactory<ManagedHttpClientConnection> connections,
      TlsIdentity tls) {
    this.settings = settings;
    this.tls = tls;
    this.pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setConnectionFactory(connections)
            // hostname verification both by JSSE and by HttpClient; never switched off
            .setTlsSocketStrategy(
                new DefaultClientTlsStrategy(
                    tls.sslContext(),
                    HostnameVerificationPolicy.BOTH,
                    HttpsSupport.getDefaultHostnameVerifier()))
            .setMaxConnTotal(settings.maxConnections())
            .setMaxConnPerRoute(settings.maxConnections())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                    .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                    .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                    .setTimeToLive(TimeValue.ofMinutes(5))
                    .build())
            .build();
    HttpClientBuilder builder =
        HttpClients.custom()
            .setConnectionManager(pool)
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableRedirectHandling()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent(UserAgent.VALUE)
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .evictExpiredConnections();
    ProxyRoutes.configure(builder, settings.proxy());
    TlsProblems.configure(builder);
    this.http = builder.build();
    this.defaultRequestConfig = requestConfig(settings.responseTimeout());
  }

  private RequestConfig requestConfig(Duration responseTimeout) {
    return RequestConfig.custom()
        .setResponseTimeout(Timeout.of(responseTimeout))
        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
        .build();
  }

  /** Sends once; {@code credential} (may be null) is added as its header. */
  RawResponse send(Exchange exchange, Credential credential) throws TransportException {
    Duration responseTimeout = exchange.timeout();
    HttpUriRequestBase request = new HttpUriRequestBase(exchange.method().name(), exchange.uri());
    request.setConfig(
        responseTimeout.equals(settings.responseTimeout())
            ? defaultRequestConfig
            : requestConfig(responseTimeout));
    exchange.headers().forEach(request::setHeader);
    if (credential != null) {
      request.setHeader(credential.header(), credential.value());
    }
    switch (exchange.body()) {
      case Exchange.Body.None none -> {}
      case Exchange.Body.Bytes bytes ->
          request.setEntity(
              new ByteArrayEntity(bytes.bytes(), contentTypes.get(bytes.contentType())));
      case Exchange.Body.Stream stream -> request.setEntity(new StreamingEntity(stream.content()));
    }
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              expired.set(true);
              request.cancel();
            },
            responseTimeout.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      return exchange(request, exchange, responseTimeout);
    } catch (TransportException e) {
      if (expired.get()) {
        throw new TransportException(
            TransportException.Kind.TIMEOUT,
            "no complete response within " + responseTimeout.toSeconds() + " s",
            null);
      }
      throw e;
    } finally {
      deadline.cancel(false);
    }
  }

  private RawResponse exchange(
      HttpUriRequestBase request, Exchange exchange, Duration responseTimeout)
      throws TransportException {
    URI uri = exchange.uri();
    try {
      return http.execute(
          request,
          response -> {
            int status = response.getCode();
            Map<String, String> headers = safeHeaders(response.getHeaders());
            if (exchange.download() != null && status >= 200 && status < 300) {
              Object content =
                  stream(exchange.download(), response.getEntity(), status, headers, request);
              return new RawResponse(status, headers, new byte[0], content);
            }
            byte[] bytes =
                BoundedBody.read(
                    response.getEntity(), settings.maxResponseBytes(), request::cancel);
            return new RawResponse(status, headers, bytes);
          });
    } catch (ProxyRoutes.ProxyRefusedException e) {
      throw new TransportException(
          e.status() == 407
              ? TransportException.Kind.PROXY_AUTHENTICATION
              : TransportException.Kind.PROXY_REFUSED,
          e.getMessage(),
          e);
    } catch (ResponseTooLargeException e) {
      throw new TransportException(TransportException.Kind.TOO_LARGE, e.getMessage(), e);
    } catch (ContentTooLargeException e) {
      throw new TransportException(TransportException.Kind.CONTENT_TOO_LARGE, e.getMessage(), e);
    } catch (UnknownHostException e) {
      throw new TransportException(
          TransportException.Kind.CONNECT_FAILED,
          settings
              .proxy()
              .forTarget(uri.getScheme(), uri.getHost())
              .map(proxy -> "unknown host of the proxy " + proxy.authority())
              .orElse("unknown host " + uri.getHost()),
          e);
    } catch (ConnectException | NoRouteToHostException | ConnectTimeoutException e) {
      throw new TransportException(
          TransportException.Kind.CONNECT_FAILED,
          "could not connect to " + authority(uri) + via(uri),
          e);
    } catch (org.apache.hc.client5.http.impl.classic.RequestFailedException e) {
      throw new TransportException(TransportException.Kind.CONNECT_FAILED, "request aborted", e);
    } catch (SocketTimeoutException e) {
      throw new TransportException(
          TransportException.Kind.TIMEOUT,
          "no response within " + responseTimeout.toSeconds() + " s",
          e);
    } catch (MalformedChunkCodingException | ConnectionClosedException e) {
      throw new TransportException(
          TransportException.Kind.BROKEN_RESPONSE, "the response was cut off or malformed", e);
    } catch (NoHttpResponseException e) {
      throw new TransportException(
          TransportException.Kind.NO_RESPONSE,
          "the server closed the connection without a response",
          e);
    } catch (SSLException e) {
      throw TlsProblems.classify(e, uri, tls.presentsClientCertificate());
    } catch (SocketException e) {
      throw new TransportException(
          TransportException.Kind.NO_RESPONSE, "the connection was reset", e);
    } catch (InterruptedIOException e) {
      if (pendingConnectTimeout(e)) {
        throw new TransportException(
            TransportException.Kind.CONNECT_FAILED, "no free connection to " + authority(uri), e);
      }
      throw new TransportException(
          TransportException.Kind.TIMEOUT, "the request was interrupted", e);
    } catch (IOException e) {
      throw new TransportException(
          TransportException.Kind.NO_RESPONSE, "I/O failure: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Hands a successful body to the download's consumer as a stream capped at its limit; a declared
   * length past the limit ends the exchange before a byte is read.
   */
  private static <T> T stream(
      Exchange.Download<T> download,
      HttpEntity entity,
      int status,
      Map<String, String> headers,
      HttpUriRequestBase request)
      throws IOException {
    if (entity != null && entity.getContentLength() > download.limit()) {
      request.cancel();
      throw new ContentTooLargeException(download.limit());
    }
    InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
    ServiceNowResponse head = new ServiceNowResponse(status, headers, null, null, false);
    try (InputStream limited = new LimitedInputStream(body, download.limit(), request::cancel)) {
      return download.consumer().accept(limited, head);
    } catch (RuntimeException wrapped) {
      // a document store may wrap the stream's failure: the size limit must stay recognisable
      for (Throwable t = wrapped; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof ContentTooLargeException tooLarge) {
          throw tooLarge;
        }
      }
      throw wrapped;
    }
  }

  private static ScheduledThreadPoolExecutor deadlineScheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "servicenow-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    // almost every deadline is cancelled; without this each would stay queued for the whole timeout
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  private static boolean pendingConnectTimeout(InterruptedIOException e) {
    return e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException;
  }

  private static String authority(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** " through the proxy …" when {@code uri} is reached through one, for failure messages. */
  private String via(URI uri) {
    return settings
        .proxy()
        .forTarget(uri.getScheme(), uri.getHost())
        .map(proxy -> " through the proxy " + proxy.authority())
        .orElse("");
  }

  private static Map<String, String> safeHeaders(Header[] headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Header header : headers) {
      String name = header.getName().toLowerCase(Locale.ROOT);
      if (name.equals("set-cookie") || name.equals("set-cookie2")) {
        continue;
      }
      out.merge(name, header.getValue(), (a, b) -> a + ", " + b);
    }
    return out;
  }

  int leasedConnections() {
    return pool.getTotalStats().getLeased();
  }

  @Override
  public void close() throws IOException {
    deadlines.shutdownNow();
    http.close();
  }
}
