package io.github.sncamunda.servicenow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the jar users drop into the runtime's /opt/custom: it ships only our classes and a
 * relocated HttpClient 5, never a class the runtime already has, and runs on Java 21 (what every
 * 8.8 connectors runtime runs on).
 */
class ShadedJarIT {

  private static Path jar;
  private static List<String> entries;

  @BeforeAll
  static void findJar() throws IOException {
    try (DirectoryStream<Path> found =
        Files.newDirectoryStream(Path.of("target"), "*-with-dependencies.jar")) {
      List<Path> jars = new ArrayList<>();
      found.forEach(jars::add);
      assertThat(jars).as("exactly one fat jar in target/").hasSize(1);
      jar = jars.get(0);
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      entries = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
    }
  }

  @Test
  void shipsNoClassTheRuntimeAlreadyHasAndNoUnrelocatedHttpClient() {
    assertThat(entries).noneMatch(e -> e.startsWith("org/apache/hc/"));
    assertThat(entries).noneMatch(e -> e.startsWith("com/fasterxml/"));
    assertThat(entries).noneMatch(e -> e.startsWith("io/camunda/"));
    assertThat(entries).noneMatch(e -> e.startsWith("org/slf4j/"));
    assertThat(entries).noneMatch(e -> e.startsWith("jakarta/"));
    assertThat(entries).anyMatch(e -> e.startsWith("io/github/sncamunda/shaded/hc/client5/"));
    assertThat(entries).anyMatch(e -> e.startsWith("io/github/sncamunda/shaded/hc/core5/"));
    assertThat(entries)
        .filteredOn(e -> e.endsWith(".class"))
        .allMatch(e -> e.startsWith("io/github/sncamunda/"), "only our own or relocated classes");
  }

  @Test
  void ourClassesAreJava21Bytecode() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> ours =
          entries.stream()
              .filter(e -> e.startsWith("io/github/sncamunda/servicenow/") && e.endsWith(".class"))
              .toList();
      assertThat(ours).isNotEmpty();
      for (String name : ours) {
        try (InputStream in = file.getInputStream(file.getJarEntry(name));
            DataInputStream data = new DataInputStream(in)) {
          assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
          data.readUnsignedShort();
          assertThat(data.readUnsignedShort())
              .as("class file major version of %s", name)
              .isEqualTo(65);
        }
      }
    }
  }

  @Test
  void registersEveryConnectorFunction() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry spi =
          file.getJarEntry(
              "META-INF/services/io.camunda.connector.api.outbound.OutboundConnectorFunction");
      assertThat(spi).isNotNull();
      String content = new String(file.getInputStream(spi).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(content.lines().map(String::trim).filter(l -> !l.isEmpty()))
          .containsExactlyInAnyOrder(
              "io.github.sncamunda.servicenow.flow.FlowStarterFunction",
              "io.github.sncamunda.servicenow.incident.IncidentHandlerFunction",
              "io.github.sncamunda.servicenow.record.RecordHandlerFunction");
      for (String function : content.lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
        assertThat(entries).contains(function.replace('.', '/') + ".class");
      }
    }
  }
}
