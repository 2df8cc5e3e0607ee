package io.github.sncamunda.servicenow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
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

  private static final String SHADED_CLIENT = "io/github/sncamunda/shaded/hc/client5/";

  /**
   * Edges the class-level scan reaches that no call of ours takes, each with why: the pool's
   * default connection factory (HttpTransport always hands the pool QuietConnections, and
   * ShadedJarCallIT's calls through the jar would fail with NoClassDefFoundError otherwise), and
   * HttpClient's optional Brotli decoder (not shipped by HttpClient either; HttpTransport disables
   * content compression).
   */
  private static final Set<ShadedJarCheck.Edge> DEAD_EDGES =
      Set.of(
          new ShadedJarCheck.Edge(
              SHADED_CLIENT + "http/impl/io/ManagedHttpClientConnectionFactory",
              SHADED_CLIENT + "http/impl/io/DefaultManagedHttpClientConnection"),
          new ShadedJarCheck.Edge(
              SHADED_CLIENT + "http/entity/BrotliInputStreamFactory",
              "org/brotli/dec/BrotliInputStream"));

  /**
   * Nothing our classes reach is missing from the jar and the runtime (the JDK, our provided
   * dependencies and theirs, listed by the build in target/runtime-classpath.txt), and no resource
   * sits outside our package. A shade filter that removes a class something of ours uses, or an
   * HttpClient upgrade that renames a filtered class, fails here; so does a dead edge that is gone.
   */
  @Test
  void everyClassOurCodeReachesIsInTheJarOrTheRuntime() throws IOException {
    URL[] runtimeJars =
        Arrays.stream(Files.readString(Path.of("target/runtime-classpath.txt")).trim().split(":"))
            .map(ShadedJarIT::url)
            .toArray(URL[]::new);
    assertThat(runtimeJars).hasSizeGreaterThan(4);
    ShadedJarCheck.Report report;
    try (URLClassLoader runtime =
            new URLClassLoader(runtimeJars, ClassLoader.getPlatformClassLoader());
        InputStream in = Files.newInputStream(jar)) {
      report =
          new ShadedJarCheck(
                  "io/github/sncamunda/",
                  "io/github/sncamunda/shaded/",
                  r -> runtime.getResource(r) != null,
                  r -> Files.isRegularFile(Path.of("target/classes", r)))
              .scan(in);
    }
    assertThat(report.reachableMissing().keySet())
        .as("each dead edge is still there (else drop it)")
        .containsAll(DEAD_EDGES);
    ShadedJarCheck.Report live = report.without(DEAD_EDGES);
    assertThat(live.ok()).as(live.describe()).isTrue();
    assertThat(report.reachable()).isGreaterThan(100).isLessThan(report.classes());
    // what the filters removed and only unreached classes name (the async adaptor)
    assertThat(report.unreachableMissing())
        .allMatch(c -> c.startsWith(SHADED_CLIENT) || c.startsWith("org/conscrypt/"));
  }

  /**
   * The four exclusion patterns of the shade filter, read from pom.xml: each still matches classes
   * in the HttpClient jar we build against (a renamed class would slip through a pattern that
   * matches nothing) and none of them is in our jar.
   */
  @Test
  void everyLoggingClassFilterStillMatchesAndRemovesItsClasses() throws IOException {
    List<String> patterns = ShadeFilters.httpClientExcludes();
    assertThat(patterns)
        .containsExactly(
            "org/apache/hc/client5/http/impl/io/DefaultManagedHttpClientConnection*.class",
            "org/apache/hc/client5/http/impl/io/Logging*.class",
            "org/apache/hc/client5/http/impl/Wire*.class",
            "org/apache/hc/client5/http/impl/async/**");
    List<String> original;
    try (JarFile httpClient =
        new JarFile(
            Path.of(
                    org.apache.hc.client5.http.impl.classic.HttpClientBuilder.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toFile())) {
      original = Collections.list(httpClient.entries()).stream().map(JarEntry::getName).toList();
    }
    for (String pattern : patterns) {
      Pattern glob = ShadeFilters.glob(pattern);
      assertThat(original)
          .as("HttpClient classes matching %s", pattern)
          .anyMatch(glob.asMatchPredicate());
      Pattern relocated =
          ShadeFilters.glob(
              "io/github/sncamunda/shaded/hc/" + pattern.substring("org/apache/hc/".length()));
      assertThat(entries).as("our jar, %s", pattern).noneMatch(relocated.asMatchPredicate());
    }
    assertThat(entries)
        .filteredOn(e -> e.startsWith(SHADED_CLIENT))
        .as("no logging connection, stream or wire class under another name")
        .noneMatch(e -> e.matches(".*/(Logging|Wire)[^/]*\\.class"));
  }

  /** HttpClient's public suffix list moved with its loader, so the runtime's copy cannot win. */
  @Test
  void thePublicSuffixListIsRelocatedWithItsLoader() throws IOException {
    assertThat(entries)
        .contains("io/github/sncamunda/shaded/publicsuffix/list/effective_tld_names.dat")
        .noneMatch(e -> e.startsWith("org/"));
    try (JarFile file = new JarFile(jar.toFile())) {
      byte[] loader =
          file.getInputStream(
                  file.getJarEntry(SHADED_CLIENT + "http/psl/PublicSuffixMatcherLoader.class"))
              .readAllBytes();
      String constants = new String(loader, StandardCharsets.ISO_8859_1);
      assertThat(constants)
          .contains("io/github/sncamunda/shaded/publicsuffix/list/effective_tld_names.dat")
          .doesNotContain("org/publicsuffix");
    }
  }

  private static URL url(String path) {
    try {
      return Path.of(path).toUri().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
