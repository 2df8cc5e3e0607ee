package io.github.sncamunda.servicenow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The connectors the jar registers for the runtime's discovery, from its service files. */
final class Connectors {

  private static final Path SERVICES =
      Path.of(
          "src/main/resources/META-INF/services/"
              + "io.camunda.connector.api.outbound.OutboundConnectorFunction");
  private static final Path INBOUND_SERVICES =
      Path.of(
          "src/main/resources/META-INF/services/"
              + "io.camunda.connector.api.inbound.InboundConnectorExecutable");

  private Connectors() {}

  /** The outbound connector functions (job workers). */
  static List<Class<?>> registered() {
    return read(SERVICES);
  }

  /** The inbound connector executables (activated by the runtime on message events). */
  static List<Class<?>> inbound() {
    return read(INBOUND_SERVICES);
  }

  /** Outbound and inbound. */
  static List<Class<?>> all() {
    return java.util.stream.Stream.concat(registered().stream(), inbound().stream()).toList();
  }

  private static List<Class<?>> read(Path services) {
    try {
      List<Class<?>> classes =
          Files.readAllLines(services).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .<Class<?>>map(Connectors::load)
              .toList();
      assertThat(classes).as("connectors in %s", services).isNotEmpty();
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(className + " is registered but not compiled", e);
    }
  }
}
