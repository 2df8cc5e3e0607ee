package io.github.sncamunda.servicenow.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * examples/*.bpmn are what applying the current templates to examples/recipes gives (the build
 * writes that to target/examples-bpmn); a template change must be followed by regenerated examples.
 */
class ExamplesUpToDateTest {

  @Test
  void committedExamplesMatchTheRecipes() throws IOException {
    Path generated = Path.of("target", "examples-bpmn");
    List<Path> recipes;
    try (Stream<Path> files = Files.list(Path.of("examples", "recipes"))) {
      recipes = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(recipes).isNotEmpty();
    for (Path recipe : recipes) {
      String name = recipe.getFileName().toString().replace(".json", ".bpmn");
      assertThat(Path.of("examples", name))
          .as(
              "examples/%s is missing or out of date: run tools/templates/refresh.sh and commit"
                  + " examples/",
              name)
          .exists()
          .hasSameTextualContentAs(generated.resolve(name));
    }
  }
}
