package io.github.sncamunda.servicenow.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.compat.SdkCompatibility.Problem;
import io.github.sncamunda.servicenow.compat.SdkReferences.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check itself: our real classes against the 8.8.7 list with one deliberate change each, the
 * way a newer SDK could differ. Each change must be found, named, and put on the right side
 * (runtime break or template-generator move).
 */
class SdkCompatibilityCheckerTest {

  private static final String CONTEXT =
      "io/camunda/connector/api/outbound/OutboundConnectorContext";
  private static final String FUNCTION =
      "io/camunda/connector/api/outbound/OutboundConnectorFunction";
  private static SdkReferences refs;
  private static List<String> baseline;

  @BeforeAll
  static void load() throws IOException {
    refs = SdkReferences.scan(SdkReferences.mainClasses());
    baseline = Files.readAllLines(SdkCompatibilityTest.LISTS.resolve("8.8.7.txt"));
  }

  private static List<Problem> checkEdited(UnaryOperator<Stream<String>> edit) {
    String text = String.join("\n", edit.apply(baseline.stream()).toList());
    return SdkCompatibility.check(refs, SignatureList.parse(text));
  }

  /** The baseline with the line starting with {@code prefix} changed. */
  private static List<Problem> checkChanged(String prefix, UnaryOperator<String> change) {
    return checkEdited(s -> s.map(l -> l.startsWith(prefix) ? change.apply(l) : l));
  }

  /** The baseline with one member line added to a type. */
  private static List<Problem> checkWithMember(String type, String memberLine) {
    return checkEdited(
        s ->
            s.flatMap(
                l -> l.startsWith("type " + type + " ") ? Stream.of(l, memberLine) : Stream.of(l)));
  }

  private static List<String> runtime(List<Problem> problems) {
    return problems.stream().filter(p -> p.origin() == Origin.RUNTIME).map(Problem::text).toList();
  }

  @Test
  void theUnchangedListPasses() {
    assertThat(checkEdited(s -> s)).isEmpty();
  }

  @Test
  void aMissingSdkMethodFails() {
    List<Problem> problems =
        checkEdited(s -> s.filter(l -> !l.startsWith("method " + CONTEXT + " bindVariables(")));
    assertThat(runtime(problems))
        .singleElement()
        .asString()
        .startsWith(
            "missing method"
                + " io.camunda.connector.api.outbound.OutboundConnectorContext.bindVariables(Ljava/lang/Class;)Ljava/lang/Object;"
                + "  (used in ");
  }

  @Test
  void aChangedDescriptorFailsAndNamesTheNewOne() {
    List<Problem> problems =
        checkChanged(
            "method " + CONTEXT + " bindVariables(",
            l ->
                "method "
                    + CONTEXT
                    + " bindVariables(Ljava/lang/reflect/Type;)Ljava/lang/Object;"
                    + " abstract");
    assertThat(runtime(problems))
        .singleElement()
        .asString()
        .contains(
            "changed method"
                + " io.camunda.connector.api.outbound.OutboundConnectorContext.bindVariables")
        .contains("now (Ljava/lang/reflect/Type;)Ljava/lang/Object;");
  }

  @Test
  void aMissingSdkTypeFails() {
    String documentFactory = "io/camunda/connector/api/document/DocumentFactory";
    List<Problem> problems =
        checkEdited(s -> s.filter(l -> !l.contains(" " + documentFactory + " ")));
    assertThat(runtime(problems))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("missing type io.camunda.connector.api.document.DocumentFactory"));
  }

  @Test
  void aStaticMethodThatBecameAnInstanceMethodFails() {
    String builder = "method io/camunda/connector/api/error/ConnectorRetryException builder()";
    List<Problem> problems = checkChanged(builder, l -> l.replace(" static", ""));
    assertThat(runtime(problems))
        .singleElement()
        .asString()
        .contains("ConnectorRetryException.builder: used as static member, now instance");
  }

  @Test
  void anInterfaceThatBecameAClassFails() {
    List<Problem> problems =
        checkChanged("type " + FUNCTION + " ", l -> l.replace(" interface ", " class "));
    assertThat(runtime(problems))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "changed kind io.camunda.connector.api.outbound.OutboundConnectorFunction")
                    .contains("implemented as an interface, now class"));
  }

  @Test
  void aNewAbstractMethodOnAnInterfaceWeImplementFails() {
    List<Problem> problems = checkWithMember(FUNCTION, "method " + FUNCTION + " close()V abstract");
    assertThat(runtime(problems))
        .isNotEmpty()
        .allSatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "unimplemented abstract method"
                            + " io.camunda.connector.api.outbound.OutboundConnectorFunction.close()V"));
  }

  @Test
  void aNewRequiredElementOfARuntimeAnnotationFails() {
    String annotation = "io/camunda/connector/api/annotation/OutboundConnector";
    List<Problem> problems =
        checkWithMember(annotation, "method " + annotation + " timeout()J abstract");
    assertThat(runtime(problems))
        .isNotEmpty()
        .allSatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "required element"
                            + " io.camunda.connector.api.annotation.OutboundConnector.timeout not"
                            + " set"));
  }

  @Test
  void aMovedTemplateAnnotationIsAGeneratorMoveNotARuntimeBreak() {
    String property =
        "method io/camunda/connector/generator/java/annotation/TemplateProperty tooltip()";
    List<Problem> problems = checkEdited(s -> s.filter(l -> !l.startsWith(property)));
    assertThat(runtime(problems)).isEmpty();
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.origin()).isEqualTo(Origin.GENERATOR))
        .asString()
        .startsWith(
            "missing method"
                + " io.camunda.connector.generator.java.annotation.TemplateProperty.tooltip()Ljava/lang/String;");
  }

  @Test
  void theToolWritesAListTheCheckReads(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("list.txt");
    SignatureListTool.main(
        new String[] {
          out.toString(), "--header", "source: test", "ours=" + SdkReferences.mainClasses()
        });
    SignatureList ours = SignatureList.load(out);
    assertThat(ours.header()).containsExactly("source: test");
    assertThat(ours.types())
        .containsKey("io/github/sncamunda/servicenow/incident/IncidentHandlerFunction");
    assertThat(SignatureList.parse(ours.text()).text()).isEqualTo(ours.text());
  }
}
