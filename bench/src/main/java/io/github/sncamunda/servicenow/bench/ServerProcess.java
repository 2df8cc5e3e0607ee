package io.github.sncamunda.servicenow.bench;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@link LoopbackServiceNow} in a child JVM, and its admin line protocol. */
public final class ServerProcess implements Closeable {

  /** Counters as the server saw them. */
  public record Stats(long acceptedConnections, long tokenRequests, long requests) {}

  private final Process process;
  private final int port;
  private final int adminPort;

  private ServerProcess(Process process, int port, int adminPort) {
    this.process = process;
    this.port = port;
    this.adminPort = adminPort;
  }

  public static ServerProcess start() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), LoopbackServiceNow.class.getName()))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    if (line == null || !line.startsWith("PORT ")) {
      process.destroy();
      throw new IOException("server did not start: " + line);
    }
    String[] parts = line.split(" ");
    return new ServerProcess(process, Integer.parseInt(parts[1]), Integer.parseInt(parts[3]));
  }

  public int port() {
    return port;
  }

  public int adminPort() {
    return adminPort;
  }

  public static Stats stats(int adminPort) throws IOException {
    String[] parts = command(adminPort, "STATS").split(" ");
    return new Stats(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
  }

  public static void reset(int adminPort) throws IOException {
    command(adminPort, "RESET");
  }

  private static String command(int adminPort, String command) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), adminPort)) {
      s.getOutputStream().write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  @Override
  public void close() {
    try {
      command(adminPort, "STOP");
    } catch (IOException ignored) {
      // already gone
    }
    process.destroy();
  }
}
