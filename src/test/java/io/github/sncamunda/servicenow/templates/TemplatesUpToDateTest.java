package io.github.sncamunda.servicenow.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build generates and post-processes the templates into target/element-templates (starting from
 * a copy of the committed ones, which the generator needs for its version history) and never
 * touches element-templates/. Any difference means a record or a template-extras file changed
 * without the committed templates being refreshed.
 */
class TemplatesUpToDateTest {

  static final Path GENERATED = Path.of("target", "element-templates");
  static final Path COMMITTED = Path.of("element-templates");
  static final String FIX = "run tools/templates/refresh.sh and commit element-templates/";

  @Test
  void committedTemplatesMatchWhatTheRecordsGenerate() throws IOException {
    assertThat(jsonFiles(GENERATED)).as("generated templates").isNotEmpty();
    assertThat(differences(GENERATED, COMMITTED)).isEmpty();
  }

  @Test
  void theCheckNamesAChangedAddedOrMissingTemplate(@TempDir Path dir) throws IOException {
    Path generated = Files.createDirectories(dir.resolve("generated/hybrid"));
    Path committed = Files.createDirectories(dir.resolve("committed/hybrid"));
    Files.writeString(generated.resolve("a.json"), "{\"version\":2}");
    Files.writeString(committed.resolve("a.json"), "{\"version\":1}");
    Files.writeString(generated.getParent().resolve("new.json"), "{}");
    Files.writeString(committed.getParent().resolve("gone.json"), "{}");

    assertThat(differences(dir.resolve("generated"), dir.resolve("committed")))
        .containsExactlyInAnyOrder(
            "hybrid/a.json differs from what the input records generate: " + FIX,
            "new.json is generated but not committed: " + FIX,
            "gone.json is committed but no longer generated: " + FIX);
  }

  static List<String> differences(Path generatedRoot, Path committedRoot) throws IOException {
    List<Path> generated = jsonFiles(generatedRoot);
    List<Path> committed = jsonFiles(committedRoot);
    List<String> out = new ArrayList<>();
    for (Path file : generated) {
      if (!committed.contains(file)) {
        out.add(file + " is generated but not committed: " + FIX);
      } else if (!Files.readString(generatedRoot.resolve(file))
          .equals(Files.readString(committedRoot.resolve(file)))) {
        out.add(file + " differs from what the input records generate: " + FIX);
      }
    }
    for (Path file : committed) {
      if (!generated.contains(file)) {
        out.add(file + " is committed but no longer generated: " + FIX);
      }
    }
    return out;
  }

  static List<Path> jsonFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .map(root::relativize)
          .sorted()
          .toList();
    }
  }
}
