package io.github.sncamunda.servicenow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What a release ships besides the jar: the element-templates zip and the CycloneDX SBOM, checked
 * against the templates directory, the shaded jar and the original HttpClient jars.
 */
class ReleaseArtifactsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERSION = System.getProperty("project.version");
  private static final String FINAL_NAME = System.getProperty("project.build.finalName");
  private static final Path TARGET = Path.of("target");

  @Test
  void theTemplatesZipHoldsEveryTemplateOnceNamedByItsVersion() throws IOException {
    Path zip = TARGET.resolve(FINAL_NAME + "-element-templates.zip");
    Map<String, byte[]> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("element-templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        sources.put(file.toString(), Files.readAllBytes(file));
      }
    }
    assertThat(sources).isNotEmpty();

    List<String> names = new ArrayList<>();
    Set<String> matchedSources = new HashSet<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : file.stream().toList()) {
        names.add(entry.getName());
        byte[] bytes = file.getInputStream(entry).readAllBytes();
        JsonNode template = JSON.readTree(bytes);
        int version = template.get("version").asInt();
        boolean hybrid = template.get("id").asText().endsWith("-hybrid");
        assertThat(entry.getName())
            .as("entry name carries the template's own version")
            .endsWith("-" + version + ".json")
            .startsWith(hybrid ? "hybrid/" : "")
            .matches(hybrid ? "hybrid/[a-z0-9-]+-hybrid-\\d+\\.json" : "[a-z0-9-]+-\\d+\\.json");
        List<String> same =
            sources.entrySet().stream()
                .filter(s -> java.util.Arrays.equals(s.getValue(), bytes))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(same).as("%s is one template file, unchanged", entry.getName()).hasSize(1);
        String source = Path.of(same.get(0)).getFileName().toString().replace(".json", "");
        assertThat(entry.getName())
            .as("named after %s", same.get(0))
            .endsWith((source.endsWith("-" + version) ? source : source + "-" + version) + ".json");
        matchedSources.add(same.get(0));
        LocalDateTime stamp =
            LocalDateTime.ofInstant(
                Instant.parse(System.getProperty("project.build.outputTimestamp")), ZoneOffset.UTC);
        assertThat(Duration.between(entry.getTimeLocal(), stamp))
            .as("time of %s: the build's outputTimestamp, in 2-second zip steps", entry.getName())
            .isBetween(Duration.ZERO, Duration.ofMillis(1999));
      }
    }
    assertThat(matchedSources).as("every template file is in the zip").isEqualTo(sources.keySet());
    assertThat(names).as("sorted, no directory entries").isSorted().doesNotHaveDuplicates();
    assertThat(names).noneMatch(n -> n.endsWith("/"));
    assertThat(names)
        .contains(
            "servicenow-flow-starter-1.json",
            "servicenow-incident-handler-1.json",
            "hybrid/servicenow-flow-starter-hybrid-1.json",
            "hybrid/servicenow-incident-handler-hybrid-1.json");
  }

  @Test
  void theSbomListsExactlyTheRelocatedHttpClientWithVersionsAndLicences() throws Exception {
    JsonNode bom = sbom();
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    JsonNode subject = bom.path("metadata").path("component");
    assertThat(subject.path("group").asText()).isEqualTo("io.github.sncamunda");
    assertThat(subject.path("name").asText()).isEqualTo("servicenow-connectors");
    assertThat(subject.path("version").asText()).isEqualTo(VERSION);
    assertThat(licences(subject)).containsExactly("Apache-2.0");

    Map<String, String> components = new TreeMap<>();
    for (JsonNode c : bom.path("components")) {
      components.put(
          c.path("group").asText() + ":" + c.path("name").asText(), c.path("version").asText());
      assertThat(licences(c))
          .as("licence of %s", c.path("name").asText())
          .containsExactly("Apache-2.0");
      assertThat(c.path("purl").asText())
          .isEqualTo(
              "pkg:maven/%s/%s@%s?type=jar",
              c.path("group").asText(), c.path("name").asText(), c.path("version").asText());
      assertThat(c.path("scope").asText()).isEqualTo("required");
    }
    assertThat(components.keySet())
        .as("what the shade plugin puts into the jar, and nothing the runtime provides")
        .containsExactly(
            "org.apache.httpcomponents.client5:httpclient5",
            "org.apache.httpcomponents.core5:httpcore5",
            "org.apache.httpcomponents.core5:httpcore5-h2");
    assertThat(components.get("org.apache.httpcomponents.client5:httpclient5"))
        .isEqualTo(httpClientVersionInThePom());
  }

  @Test
  void theSbomComponentsAreTheJarsContents() throws Exception {
    String prefix = System.getProperty("shade.prefix").replace('.', '/') + "/";
    Set<String> relocatedInJar = new TreeSet<>();
    Set<String> ours = new TreeSet<>();
    try (JarFile jar =
        new JarFile(TARGET.resolve(FINAL_NAME + "-with-dependencies.jar").toFile())) {
      jar.stream()
          .map(ZipEntry::getName)
          .filter(n -> n.endsWith(".class"))
          .forEach(n -> (n.startsWith(prefix) ? relocatedInJar : ours).add(n));
    }
    assertThat(ours).allMatch(n -> n.startsWith("io/github/sncamunda/servicenow/"));

    Set<String> fromComponents = new TreeSet<>();
    for (JsonNode c : sbom().path("components")) {
      Path original = localRepositoryJar(c);
      assertThat(sha256(original))
          .as("SBOM hash of %s is the artifact's", original.getFileName())
          .isEqualTo(hash(c, "SHA-256"));
      try (JarFile jar = new JarFile(original.toFile())) {
        jar.stream()
            .map(ZipEntry::getName)
            .filter(n -> n.startsWith("org/apache/hc/") && n.endsWith(".class"))
            .forEach(n -> fromComponents.add(prefix + n.substring("org/apache/".length())));
      }
    }
    assertThat(fromComponents)
        .as("every relocated class comes from an SBOM component")
        .containsAll(relocatedInJar);
    // left out on purpose (the pom's shade filters, read from it): HttpClient's logging
    // connection, logging socket and streams and wire dumper, which print credentials, and the
    // unused async client
    String hc = prefix + "hc/client5/http/impl/";
    Set<String> leftOut = new TreeSet<>(fromComponents);
    leftOut.removeAll(relocatedInJar);
    assertThat(leftOut)
        .contains(hc + "io/DefaultManagedHttpClientConnection.class", hc + "Wire.class")
        .allMatch(
            ShadeFilters.excludedRelocated(prefix), "only the classes the shade filters exclude");
  }

  @Test
  void bothJarsCarryTheVersionTheUserAgentReads() throws IOException {
    for (String name : List.of(FINAL_NAME + ".jar", FINAL_NAME + "-with-dependencies.jar")) {
      try (JarFile jar = new JarFile(TARGET.resolve(name).toFile())) {
        Manifest manifest = jar.getManifest();
        assertThat(manifest.getMainAttributes().getValue("Implementation-Version"))
            .as("Implementation-Version in %s", name)
            .isEqualTo(VERSION);
      }
    }
  }

  private static JsonNode sbom() throws IOException {
    return JSON.readTree(TARGET.resolve(FINAL_NAME + "-sbom.cdx.json").toFile());
  }

  private static List<String> licences(JsonNode component) {
    List<String> ids = new ArrayList<>();
    component.path("licenses").forEach(l -> ids.add(l.path("license").path("id").asText()));
    return ids;
  }

  private static String hash(JsonNode component, String algorithm) {
    for (JsonNode h : component.path("hashes")) {
      if (h.path("alg").asText().equals(algorithm)) {
        return h.path("content").asText();
      }
    }
    throw new AssertionError("no " + algorithm + " hash for " + component.path("name").asText());
  }

  private static Path localRepositoryJar(JsonNode c) {
    String repository = System.getProperty("localRepository");
    assertThat(repository).as("failsafe passes the local repository").isNotBlank();
    String group = c.path("group").asText();
    String name = c.path("name").asText();
    String version = c.path("version").asText();
    Path jar =
        Path.of(repository, group.split("\\."))
            .resolve(Path.of(name, version, name + "-" + version + ".jar"));
    assertThat(jar).exists();
    return jar;
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      digest.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String httpClientVersionInThePom() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    var m =
        java.util.regex.Pattern.compile("<version.httpclient5>([^<]+)</version.httpclient5>")
            .matcher(pom);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
