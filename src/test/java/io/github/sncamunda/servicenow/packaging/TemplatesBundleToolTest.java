package io.github.sncamunda.servicenow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tools/release/TemplatesBundle.java, the step of the build that writes the element-templates zip,
 * run the way the build runs it (java launching the source file) on template directories made here.
 */
class TemplatesBundleToolTest {

  private static final String STAMP = "2026-03-04T05:06:07Z";

  @TempDir Path dir;

  @Test
  void namesEveryTemplateByItsVersionSortedWithOneTimeAndReproducibly() throws Exception {
    Path templates = dir.resolve("templates");
    template(templates.resolve("x-connector.json"), "io.example.x", 3);
    template(templates.resolve("versioned/x-connector-1.json"), "io.example.x", 1);
    template(templates.resolve("versioned/x-connector-2.json"), "io.example.x", 2);
    template(templates.resolve("hybrid/x-connector-hybrid.json"), "io.example.x-hybrid", 3);
    template(templates.resolve("a-connector.json"), "io.example.a", 1);

    Result first = run(templates, dir.resolve("one/bundle.zip"));
    assertThat(first.exit).as(first.output).isZero();
    Result second = run(templates, dir.resolve("two/bundle.zip"));
    assertThat(second.exit).as(second.output).isZero();

    try (ZipFile zip = new ZipFile(dir.resolve("one/bundle.zip").toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName))
          .containsExactly(
              "a-connector-1.json",
              "hybrid/x-connector-hybrid-3.json",
              "x-connector-1.json",
              "x-connector-2.json",
              "x-connector-3.json");
      assertThat(zip.stream().map(ZipEntry::getTimeLocal))
          .as("the build's timestamp in UTC; zip times count in 2-second steps")
          .containsOnly(LocalDateTime.of(2026, 3, 4, 5, 6, 6));
      assertThat(zip.getInputStream(zip.getEntry("x-connector-2.json")).readAllBytes())
          .isEqualTo(Files.readAllBytes(templates.resolve("versioned/x-connector-2.json")));
    }
    assertThat(Files.readAllBytes(dir.resolve("two/bundle.zip")))
        .as("same input, same bytes")
        .isEqualTo(Files.readAllBytes(dir.resolve("one/bundle.zip")));
  }

  @Test
  void refusesWhatWouldMakeAWrongOrAmbiguousDownload() throws Exception {
    Path templates = dir.resolve("templates");
    template(templates.resolve("x-connector.json"), "io.example.x", 2);
    // frozen as version 1 but its file says 3
    template(templates.resolve("versioned/x-connector-3.json"), "io.example.x", 1);
    // would land on the same entry as the current one
    template(templates.resolve("versioned/x-connector-2.json"), "io.example.x", 2);
    Files.writeString(templates.resolve("notes.json"), "{\"id\": \"io.example.notes\"}");
    Files.writeString(templates.resolve("broken.json"), "{ not json");

    Result result = run(templates, dir.resolve("out/bundle.zip"));

    assertThat(result.exit).isEqualTo(1);
    assertThat(result.output)
        .contains("versioned/x-connector-3.json: a versioned file must be named <name>-1.json")
        .contains("both become x-connector-2.json")
        .contains("notes.json: no positive integer \"version\"")
        .contains("broken.json: not JSON");
    assertThat(dir.resolve("out/bundle.zip")).doesNotExist();
  }

  @Test
  void refusesADirectoryWithoutTemplates() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    Result result = run(dir.resolve("empty"), dir.resolve("out/bundle.zip"));
    assertThat(result.exit).isEqualTo(1);
    assertThat(result.output).contains("no *.json templates");
  }

  private record Result(int exit, String output) {}

  private static Result run(Path templates, Path zip) throws Exception {
    String classPath =
        String.join(
            File.pathSeparator,
            jarOf(ObjectMapper.class),
            jarOf(JsonFactory.class),
            jarOf(JsonInclude.class));
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-classpath",
                classPath,
                Path.of("tools", "release", "TemplatesBundle.java").toString(),
                templates.toString(),
                zip.toString(),
                STAMP)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static String jarOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static void template(Path file, String id, int version) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        {
          "$schema" : "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json",
          "name" : "%s",
          "id" : "%s",
          "version" : %d,
          "appliesTo" : [ "bpmn:Task" ],
          "properties" : [ ]
        }
        """
            .formatted(id, id, version));
  }
}
