package io.github.sncamunda.servicenow.client;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * Connections for the pool that have no logging inside them. HttpClient's own connection class
 * prints every request and response header (its {@code headers} logger) and every byte (its {@code
 * wire} logger, through a logging socket wrapper) whenever those loggers are at DEBUG, which would
 * put Authorization headers and OAuth forms into the log of anyone who turns on DEBUG or TRACE.
 * These connections simply never log, whatever the logging configuration says; the packaged jar
 * does not even contain HttpClient's logging connection classes.
 */
final class QuietConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {

  static final QuietConnections INSTANCE = new QuietConnections();

  private QuietConnections() {}

  @Override
  public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
    QuietConnection connection = new QuietConnection();
    if (socket != null) {
      connection.bind(socket);
    }
    return connection;
  }

  private static final class QuietConnection extends DefaultBHttpClientConnection
      implements ManagedHttpClientConnection {

    // the read timeout for a leased connection; an idle pooled one blocks nothing
    private volatile Timeout activeTimeout = Timeout.ZERO_MILLISECONDS;

    QuietConnection() {
      super(Http1Config.DEFAULT);
    }

    @Override
    public void bind(Socket socket) throws IOException {
      super.bind(socket);
      activeTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
      super.bind(sslSocket, socket);
      activeTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
    }

    @Override
    public Socket getSocket() {
      SocketHolder holder = getSocketHolder();
      return holder == null ? null : holder.getSocket();
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
      activeTimeout = timeout;
      super.setSocketTimeout(timeout);
    }

    @Override
    public void passivate() {
      super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
      super.setSocketTimeout(activeTimeout);
    }
  }
}
