package io.github.sncamunda.servicenow.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The templates' {@code engines.camunda} range tells Modeler which Camunda versions a template is
 * for (it hides the template elsewhere). It must admit every supported line, the ones that have a
 * signature list in compat/signatures, and must not reach below the oldest of them.
 */
class TemplateEnginesTest {

  private static final Pattern CARET = Pattern.compile("\\^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** 8.8.7 from "8.8.7.txt", 8.9.0 (the line's first release) from "8.9.x.txt". */
  static List<int[]> supportedLines() throws IOException {
    return SdkCompatibilityTest.lines()
        .map(p -> p.getFileName().toString().replaceAll("\\.txt$", "").replace("x", "0"))
        .map(v -> Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt).toArray())
        .toList();
  }

  private static List<Path> currentTemplates() throws IOException {
    try (Stream<Path> files =
        Stream.concat(
            Files.list(Path.of("element-templates")),
            Files.list(Path.of("element-templates/hybrid")))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void everyTemplateAdmitsEverySupportedLineAndNothingOlder() throws IOException {
    List<int[]> lines = supportedLines();
    int[] oldest = lines.stream().min(TemplateEnginesTest::compare).orElseThrow();
    ObjectMapper json = new ObjectMapper();
    List<Path> templates = currentTemplates();
    assertThat(templates).isNotEmpty();
    for (Path template : templates) {
      JsonNode engines = json.readTree(template.toFile()).path("engines").path("camunda");
      Matcher range = CARET.matcher(engines.asText());
      assertThat(range.matches())
          .as("%s: engines.camunda %s is not a ^major.minor range", template, engines)
          .isTrue();
      int[] min = {
        Integer.parseInt(range.group(1)),
        Integer.parseInt(range.group(2)),
        range.group(3) == null ? 0 : Integer.parseInt(range.group(3))
      };
      for (int[] line : lines) {
        assertThat(compare(line, min) >= 0 && line[0] == min[0])
            .as("%s: %s admits %s", template, engines.asText(), Arrays.toString(line))
            .isTrue();
      }
      assertThat(new int[] {min[0], min[1]})
          .as("%s: %s starts at the oldest supported line", template, engines.asText())
          .containsExactly(oldest[0], oldest[1]);
    }
  }

  private static int compare(int[] a, int[] b) {
    return Arrays.compare(a, b);
  }
}
