package io.github.sncamunda.servicenow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The connector functions the jar registers for the runtime's discovery, from its service file. */
final class Connectors {

  private static final Path SERVICES =
      Path.of(
          "src/main/resources/META-INF/services/"
              + "io.camunda.connector.api.outbound.OutboundConnectorFunction");

  private Connectors() {}

  static List<Class<?>> registered() {
    try {
      List<Class<?>> classes =
          Files.readAllLines(SERVICES).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .<Class<?>>map(Connectors::load)
              .toList();
      assertThat(classes).as("connectors in %s", SERVICES).isNotEmpty();
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
