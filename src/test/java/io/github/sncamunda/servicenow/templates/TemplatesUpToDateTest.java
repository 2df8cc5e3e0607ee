package io.github.sncamunda.servicenow.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build regenerates element-templates/ from the annotated input records; the committed files
 * were copied to target/committed-element-templates before that. Any difference means a record
 * changed without its template being regenerated and committed.
 */
class TemplatesUpToDateTest {

  static final Path GENERATED = Path.of("element-templates");
  static final Path COMMITTED = Path.of("target", "committed-element-templates");

  @Test
  void committedTemplatesMatchWhatTheRecordsGenerate() throws IOException {
    List<Path> generated = jsonFiles(GENERATED);
    List<Path> committed = jsonFiles(COMMITTED);
    assertThat(generated).as("generated templates").isNotEmpty();
    assertThat(committed)
        .as("element-templates/ is out of date: run ./mvnw process-classes and commit element-templates/")
        .containsExactlyInAnyOrderElementsOf(generated);
    for (Path file : generated) {
      assertThat(Files.readString(COMMITTED.resolve(file)))
          .as("element-templates/%s is out of date: run ./mvnw process-classes and commit element-templates/", file)
          .isEqualTo(Files.readString(GENERATED.resolve(file)));
    }
  }

  static List<Path> jsonFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".json")).map(root::relativize).sorted().toList();
    }
  }
}
