package io.github.sncamunda.servicenow.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.compat.SdkCompatibility.Problem;
import io.github.sncamunda.servicenow.compat.SdkReferences.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The binary compatibility check of the build: every Camunda type, method, field and annotation
 * element our main classes reference must exist, unchanged, in each supported line's SDK
 * (compat/signatures/*.txt). A template-generator annotation that moves in a newer line is not a
 * runtime break (the runtime never loads those annotations); those moves are listed per line in
 * compat/signatures/&lt;line&gt;.source-moves.txt, which docs/upgrading-camunda.md explains, and
 * must match exactly, so a new move or a stale entry both fail.
 */
class SdkCompatibilityTest {

  static final Path LISTS = Path.of("compat/signatures");
  private static SdkReferences refs;

  @BeforeAll
  static void scan() {
    refs = SdkReferences.scan(SdkReferences.mainClasses());
  }

  static Stream<Path> lines() throws IOException {
    try (Stream<Path> files = Files.list(LISTS)) {
      return files
          .filter(f -> f.getFileName().toString().matches("\\d+\\.\\d+\\.[\\dx]+\\.txt"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void everySupportedLineHasAList() throws IOException {
    assertThat(lines().map(p -> p.getFileName().toString()))
        .containsExactly("8.10.x.txt", "8.8.7.txt", "8.9.x.txt");
  }

  @Test
  void theScanSeesWhatTheConnectorsUse() {
    assertThat(refs.types())
        .containsKeys(
            "io/camunda/connector/api/outbound/OutboundConnectorFunction",
            "io/camunda/connector/api/error/ConnectorInputException",
            "io/camunda/connector/generator/java/annotation/TemplateProperty");
    assertThat(refs.members())
        .containsKey(
            "io/camunda/connector/api/outbound/OutboundConnectorContext bindVariables"
                + "(Ljava/lang/Class;)Ljava/lang/Object;");
    assertThat(refs.annotations().get("io/camunda/connector/api/annotation/OutboundConnector"))
        .extracting(SdkReferences.AnnotationUse::origin)
        .isEqualTo(Origin.RUNTIME);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void noRuntimeReferenceIsMissingOrChanged(Path listFile) {
    SignatureList list = SignatureList.load(listFile);
    assertThat(String.join("\n", list.header()))
        .as("the list names where it came from")
        .containsPattern(
            "source: .*(Maven Central .*:\\d+\\.\\d+\\.\\d+|tag \\S+, commit [0-9a-f]{40})");
    List<Problem> problems = SdkCompatibility.check(refs, list);
    assertThat(problems.stream().filter(p -> p.origin() == Origin.RUNTIME).map(Problem::text))
        .as("references that would fail to link on %s", listFile.getFileName())
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void generatorAnnotationMovesAreExactlyTheDocumentedOnes(Path listFile) throws IOException {
    String line = listFile.getFileName().toString().replaceAll("\\.txt$", "");
    List<String> actual =
        SdkCompatibility.check(refs, SignatureList.load(listFile)).stream()
            .filter(p -> p.origin() == Origin.GENERATOR)
            .map(p -> p.text().replaceAll("  \\(used in .*\\)$", ""))
            .distinct()
            .toList();
    Path expectedFile = LISTS.resolve(line + ".source-moves.txt");
    List<String> expected =
        Files.exists(expectedFile)
            ? Files.readAllLines(expectedFile).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList()
            : List.of();
    Path written =
        SdkReferences.mainClasses().resolveSibling("compat").resolve(line + ".source-moves.txt");
    Files.createDirectories(written.getParent());
    Files.write(written, actual);
    assertThat(actual)
        .as("template-annotation moves on %s (this run's list: %s)", line, written)
        .containsExactlyElementsOf(expected);
  }
}
