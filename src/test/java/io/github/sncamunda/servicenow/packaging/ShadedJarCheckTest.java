package io.github.sncamunda.servicenow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** The shaded-jar check on small jars built here, and on HttpClient's real bytecode. */
class ShadedJarCheckTest {

  private static final String OURS = "io/github/sncamunda/servicenow/Handler";
  private static final String POOL = "io/github/sncamunda/shaded/hc/Pool";
  private static final String CONNECTION = "io/github/sncamunda/shaded/hc/LoggingConnection";

  private final ShadedJarCheck check =
      new ShadedJarCheck(
          "io/github/sncamunda/",
          "io/github/sncamunda/shaded/",
          r -> r.startsWith("java/") || r.startsWith("org/slf4j/"),
          r -> r.startsWith("icons/"));

  @Test
  void aJarWithEverythingItReachesPasses() throws IOException {
    ShadedJarCheck.Report report =
        check.scan(
            jar(
                Map.of(
                    OURS + ".class", type(OURS, POOL, "org/slf4j/Logger"),
                    POOL + ".class", type(POOL, CONNECTION, "java/net/Socket"),
                    CONNECTION + ".class", type(CONNECTION))));
    assertThat(report.ok()).as(report.describe()).isTrue();
    assertThat(report.classes()).isEqualTo(3);
    assertThat(report.reachable()).isEqualTo(3);
  }

  @Test
  void aFilteredClassThatOurCodeStillReachesFailsWithTheChain() throws IOException {
    ShadedJarCheck.Report report =
        check.scan(
            jar(
                Map.of(
                    OURS + ".class", type(OURS, POOL),
                    POOL + ".class", type(POOL, CONNECTION))));
    assertThat(report.ok()).isFalse();
    assertThat(report.reachableMissing())
        .containsExactly(Map.entry(new ShadedJarCheck.Edge(POOL, CONNECTION), List.of(OURS, POOL)));
    assertThat(report.describe())
        .isEqualTo("missing class " + CONNECTION + " reached by " + OURS + " -> " + POOL + "\n");
    assertThat(report.without(Set.of(new ShadedJarCheck.Edge(POOL, CONNECTION))).ok()).isTrue();
  }

  @Test
  void aMissingClassOnlyUnreachedClassesNameIsReportedApartAndPasses() throws IOException {
    String adaptor = "io/github/sncamunda/shaded/hc/AsyncAdaptor";
    ShadedJarCheck.Report report =
        check.scan(
            jar(
                Map.of(
                    OURS + ".class", type(OURS, "java/lang/String"),
                    adaptor + ".class", type(adaptor, CONNECTION))));
    assertThat(report.ok()).isTrue();
    assertThat(report.unreachableMissing()).containsExactly(CONNECTION);
    assertThat(report.reachable()).isEqualTo(1);
  }

  @Test
  void aClassTheRuntimeDoesNotProvideIsMissing() throws IOException {
    ShadedJarCheck.Report report =
        check.scan(jar(Map.of(OURS + ".class", type(OURS, "com/example/NotProvided"))));
    assertThat(report.reachableMissing().keySet())
        .containsExactly(new ShadedJarCheck.Edge(OURS, "com/example/NotProvided"));
  }

  @Test
  void anUnrelocatedLibraryResourceFailsButOursAndMetaInfDoNot() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(OURS + ".class", type(OURS));
    entries.put("org/publicsuffix/list/effective_tld_names.dat", new byte[] {1});
    entries.put(
        "io/github/sncamunda/shaded/publicsuffix/list/effective_tld_names.dat", new byte[1]);
    entries.put("icons/handler.svg", new byte[] {1});
    entries.put("META-INF/LICENSE", new byte[] {1});
    ShadedJarCheck.Report report = check.scan(jar(entries));
    assertThat(report.ok()).isFalse();
    assertThat(report.unrelocatedResources())
        .containsExactly("org/publicsuffix/list/effective_tld_names.dat");
  }

  /**
   * HttpClient's own pool default: its connection factory creates the logging connection in a
   * method body, which the scan sees; left in a jar without that connection (as our shade filter
   * leaves it), the edge is reported.
   */
  @Test
  void findsTheLoggingConnectionHttpClientsFactoryCreates() throws IOException {
    String factory = ManagedHttpClientConnectionFactory.class.getName().replace('.', '/');
    String logging = "org/apache/hc/client5/http/impl/io/DefaultManagedHttpClientConnection";
    byte[] real;
    try (InputStream in =
        ManagedHttpClientConnectionFactory.class.getResourceAsStream(
            "ManagedHttpClientConnectionFactory.class")) {
      real = in.readAllBytes();
    }
    assertThat(ShadedJarCheck.referencedTypes(real)).contains(logging);
    ShadedJarCheck.Report report =
        new ShadedJarCheck(
                "io/github/sncamunda/",
                "io/github/sncamunda/shaded/",
                r -> !r.startsWith("org/apache/hc/"),
                r -> false)
            .scan(jar(Map.of(OURS + ".class", type(OURS, factory), factory + ".class", real)));
    assertThat(report.reachableMissing().keySet())
        .contains(new ShadedJarCheck.Edge(factory, logging));
  }

  /** A class with one field of each given type. */
  private static byte[] type(String name, String... fieldTypes) {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
    for (int i = 0; i < fieldTypes.length; i++) {
      writer
          .visitField(Opcodes.ACC_PRIVATE, "f" + i, "L" + fieldTypes[i] + ";", null, null)
          .visitEnd();
    }
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static InputStream jar(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
