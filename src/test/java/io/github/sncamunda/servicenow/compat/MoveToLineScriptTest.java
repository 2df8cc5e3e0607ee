package io.github.sncamunda.servicenow.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * tools/compat/move-to-line.sh, the one place of the template-annotation moves, run on a copy of
 * the sources and pom: afterwards no import of the old generator DSL is left, every Camunda type
 * the sources import exists in that line's signature list, and the pom names the line's artifacts.
 * (That the moved sources compile against the tags' SDK was checked during development; see
 * docs/upgrading-camunda.md.)
 */
class MoveToLineScriptTest {

  private static final Pattern CAMUNDA_IMPORT =
      Pattern.compile("(?m)^import (io\\.camunda\\.[\\w.]+);");

  @TempDir Path copy;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"8.9.7, 8.9.x", "8.10.0, 8.10.x"})
  void afterTheMoveEveryCamundaImportExistsInTheLine(String version, String line) throws Exception {
    copyTree(Path.of("src/main/java"), copy.resolve("src/main/java"));
    Files.createDirectories(copy.resolve("src/test/java"));
    Files.copy(Path.of("pom.xml"), copy.resolve("pom.xml"));

    Process move =
        new ProcessBuilder("bash", "tools/compat/move-to-line.sh", version, copy.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(move.getInputStream().readAllBytes());
    assertThat(move.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(move.exitValue()).as(output).isZero();

    SignatureList list = SignatureList.load(SdkCompatibilityTest.LISTS.resolve(line + ".txt"));
    List<String> imports = camundaImports(copy.resolve("src/main/java"));
    assertThat(imports).isNotEmpty().noneMatch(i -> i.contains(".generator.dsl."));
    assertThat(imports)
        .as("imports that name no type of %s", line)
        .allSatisfy(i -> assertThat(list.types()).containsKey(internalName(i, list)));

    String pom = Files.readString(copy.resolve("pom.xml"));
    assertThat(pom)
        .contains("<version.connectors>" + version + "</version.connectors>")
        .contains("<artifactId>element-template-generator-annotations</artifactId>")
        .doesNotContain("<artifactId>element-template-generator-core</artifactId>");
  }

  private static List<String> camundaImports(Path sources) throws IOException {
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .flatMap(
              f -> {
                try {
                  Matcher m = CAMUNDA_IMPORT.matcher(Files.readString(f));
                  return m.results().map(r -> r.group(1)).toList().stream();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .distinct()
          .toList();
    }
  }

  /** {@code a.b.Outer.Inner} is {@code a/b/Outer$Inner} when {@code a/b/Outer} is a type. */
  private static String internalName(String imported, SignatureList list) {
    String[] parts = imported.split("\\.");
    for (int split = parts.length; split > 0; split--) {
      String candidate =
          String.join("/", List.of(parts).subList(0, split))
              + (split < parts.length
                  ? "$" + String.join("$", List.of(parts).subList(split, parts.length))
                  : "");
      if (list.types().containsKey(candidate)) {
        return candidate;
      }
    }
    return imported;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
