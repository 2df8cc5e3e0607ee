package io.github.sncamunda.servicenow.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.connector.api.annotation.OutboundConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Release metadata that is written by hand and read by others: the pom fields Maven Central
 * requires, the fixed build timestamp, the templates' documentation links, the changelog's form,
 * and the tested versions docs/compatibility.md names.
 */
class ReleaseMetadataTest {

  private static final String REPOSITORY = "https://github.com/sncamunda/servicenow-connectors";

  @Test
  void pomHasWhatMavenCentralRequires() {
    assertThat(Pom.text("/project/name")).isNotBlank();
    assertThat(Pom.text("/project/description")).isNotBlank();
    assertThat(Pom.text("/project/url")).isEqualTo(REPOSITORY);
    assertThat(Pom.text("/project/licenses/license/name")).isEqualTo("Apache-2.0");
    assertThat(Pom.text("/project/licenses/license/url"))
        .startsWith("https://www.apache.org/licenses/");
    assertThat(Pom.text("/project/scm/url")).isEqualTo(REPOSITORY);
    assertThat(Pom.text("/project/scm/connection")).isEqualTo("scm:git:" + REPOSITORY + ".git");
    assertThat(Pom.text("/project/developers/developer/name")).isNotBlank();
    assertThat(Pom.text("/project/issueManagement/url")).isEqualTo(REPOSITORY + "/issues");
    // sources and javadoc jars are built with every package
    assertThat(
            Pom.text(
                "/project/build/plugins/plugin[artifactId='maven-source-plugin']/executions/execution/goals/goal"))
        .isEqualTo("jar-no-fork");
    assertThat(
            Pom.text(
                "/project/build/plugins/plugin[artifactId='maven-javadoc-plugin']/executions/execution/goals/goal"))
        .isEqualTo("jar");
  }

  @Test
  void buildTimestampIsFixedForReproducibleArchives() {
    String stamp = Pom.property("project.build.outputTimestamp");
    assertThat(Instant.parse(stamp)).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void everyTemplateDocumentationLinkPointsAtAReadmeSection() throws IOException {
    Set<String> anchors =
        Files.readString(Path.of("README.md"))
            .lines()
            .filter(l -> l.startsWith("#"))
            .map(ReleaseMetadataTest::githubAnchor)
            .collect(Collectors.toSet());
    for (var entry : Templates.all().entrySet()) {
      Path template = entry.getKey();
      String ref = entry.getValue().path("documentationRef").asText();
      assertThat(ref).as("documentationRef of %s", template).startsWith(REPOSITORY + "#");
      assertThat(anchors)
          .as("README section for %s of %s", ref, template)
          .contains(ref.substring(ref.indexOf('#') + 1));
    }
  }

  @Test
  void changelogKeepsAChangelogsForm() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("CHANGELOG.md"));
    assertThat(lines.get(0)).isEqualTo("# Changelog");
    List<String> sections = lines.stream().filter(l -> l.startsWith("## ")).toList();
    assertThat(sections).first().isEqualTo("## [Unreleased]");
    assertThat(sections.subList(1, sections.size()))
        .allMatch(
            h -> h.matches("## \\[\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?] - \\d{4}-\\d{2}-\\d{2}"),
            "released versions are dated");
    assertThat(lines.stream().filter(l -> l.startsWith("### ")))
        .allMatch(
            h ->
                List.of(
                        "### Added",
                        "### Changed",
                        "### Deprecated",
                        "### Removed",
                        "### Fixed",
                        "### Security")
                    .contains(h),
            "Keep a Changelog's change types");
  }

  @Test
  void compatibilityPageNamesTheTestedVersions() throws IOException {
    String compatibility = Files.readString(Path.of("docs", "compatibility.md"));
    assertThat(compatibility)
        .contains("SDK " + Pom.property("version.connectors"))
        .contains("connectors runtime (`spring-boot-starter-camunda-connectors`)")
        .contains("`zeebe-process-test` " + Pom.property("version.zeebe-process-test"))
        .contains("Java " + Pom.property("maven.compiler.release") + " bytecode");
    assertThat(Files.readString(Path.of("examples", "deploy", "Dockerfile")))
        .contains("ARG CONNECTORS_VERSION=" + Pom.property("version.connectors"));
  }

  /**
   * docs/production.md names, for every connector the jar registers, its job type and the variable
   * the connectors runtime reads to override it: CONNECTOR_ + the connector's name with everything
   * but letters, digits, '_' and spaces dropped, spaces as '_', upper case + _TYPE (the runtime's
   * ConnectorConfigurationOverrides).
   */
  @Test
  void productionPageNamesEveryInboundType() throws IOException {
    String production = Files.readString(Path.of("docs", "production.md"));
    List<Class<?>> executables = Connectors.inbound();
    assertThat(executables).hasSizeGreaterThanOrEqualTo(3);
    for (Class<?> executable : executables) {
      io.camunda.connector.api.annotation.InboundConnector connector =
          executable.getAnnotation(io.camunda.connector.api.annotation.InboundConnector.class);
      assertThat(connector).as("@InboundConnector on %s", executable).isNotNull();
      assertThat(production)
          .as("inbound type of %s", connector.name())
          .containsPattern(
              "\\| "
                  + java.util.regex.Pattern.quote(connector.name())
                  + " \\| `"
                  + java.util.regex.Pattern.quote(connector.type())
                  + "` \\|");
    }
  }

  @Test
  void productionPageNamesEveryJobTypeAndItsOverride() throws IOException {
    String production = Files.readString(Path.of("docs", "production.md"));
    List<Class<?>> functions = Connectors.registered();
    assertThat(functions).hasSizeGreaterThanOrEqualTo(3);
    for (Class<?> function : functions) {
      OutboundConnector connector = function.getAnnotation(OutboundConnector.class);
      String override =
          "CONNECTOR_"
              + connector
                  .name()
                  .strip()
                  .replaceAll("[^a-zA-Z0-9_ ]", "")
                  .replace(' ', '_')
                  .toUpperCase(Locale.ROOT)
              + "_TYPE";
      assertThat(production)
          .as("job type and override of %s", connector.name())
          .containsPattern(
              "\\| "
                  + java.util.regex.Pattern.quote(connector.name())
                  + " \\| `"
                  + java.util.regex.Pattern.quote(connector.type())
                  + "` \\| `"
                  + override
                  + "` \\|");
    }
  }

  /** The anchor GitHub gives a Markdown heading. */
  private static String githubAnchor(String heading) {
    return heading
        .replaceFirst("^#+\\s*", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
        .trim()
        .replace(' ', '-');
  }
}
