package io.github.sncamunda.servicenow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment examples in examples/deploy, checked without Docker or Kubernetes: they parse, put
 * the jar into the runtime image's /opt/custom, name the runtime version the connectors are tested
 * with, and use only keys the Camunda 8.8 Helm chart has. The README's install section says the
 * same.
 */
class DeployExamplesTest {

  private static final Path DEPLOY = Path.of("examples", "deploy");
  private static final String JAR_GLOB = "servicenow-connectors-*-with-dependencies.jar";

  /**
   * Keys under `connectors:` that the examples use, all present in the values.yaml of the Camunda
   * Helm chart for 8.8 (camunda-platform 13.x).
   */
  private static final Set<String> CHART_CONNECTORS_KEYS =
      Set.of("enabled", "image", "env", "initContainers", "extraVolumes", "extraVolumeMounts");

  private static final Set<String> CHART_IMAGE_KEYS = Set.of("registry", "repository", "tag");

  @Test
  void dockerfileVerifiesTheJarAndCopiesItIntoOptCustomOfTheTestedRuntime() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
    assertThat(arg(dockerfile, "CONNECTORS_IMAGE")).isEqualTo("camunda/connectors");
    assertThat(arg(dockerfile, "CONNECTORS_VERSION")).isEqualTo(Pom.property("version.connectors"));
    List<String> instructions = instructions(dockerfile);
    assertThat(instructions)
        .containsSubsequence(
            "FROM debian:bookworm-slim AS verify",
            "COPY SHA256SUMS " + JAR_GLOB + " ./",
            "RUN sha256sum --check --strict --ignore-missing SHA256SUMS"
                + " && test \"$(ls "
                + JAR_GLOB
                + " | wc -l)\" -eq 1",
            "FROM ${CONNECTORS_IMAGE}:${CONNECTORS_VERSION}",
            "COPY --from=verify /dist/" + JAR_GLOB + " /opt/custom/");
    assertThat(instructions.get(instructions.size() - 1))
        .as("the runtime image is the last stage")
        .startsWith("COPY --from=verify");
    assertThat(instructions).noneMatch(i -> i.contains("/opt/app"));
  }

  @Test
  void composeMountsTheJarIntoOptCustomAndNeedsTheClusterAndTheCredentials() throws IOException {
    Map<String, Object> compose = yaml(DEPLOY.resolve("docker-compose.yaml"));
    Map<String, Object> connectors = map(map(compose.get("services")).get("connectors"));
    assertThat(connectors.get("image"))
        .isEqualTo("camunda/connectors:" + Pom.property("version.connectors"));

    Map<String, Object> volume = map(((List<?>) connectors.get("volumes")).get(0));
    assertThat(volume.get("target")).isEqualTo("/opt/custom/servicenow-connectors.jar");
    assertThat(volume.get("read_only")).isEqualTo(true);
    assertThat((String) volume.get("source")).startsWith("${SERVICENOW_CONNECTORS_JAR:?");

    Map<String, Object> env = map(connectors.get("environment"));
    assertThat(env.get("CAMUNDA_CLIENT_MODE")).isEqualTo("self-managed");
    assertThat((String) env.get("CAMUNDA_CLIENT_GRPCADDRESS"))
        .startsWith("${CAMUNDA_GRPC_ADDRESS:?");
    assertThat((String) env.get("CAMUNDA_CLIENT_RESTADDRESS"))
        .startsWith("${CAMUNDA_REST_ADDRESS:?");
    assertThat(env.get("CAMUNDA_CONNECTOR_SECRETPROVIDER_ENVIRONMENT_PREFIX")).isEqualTo("SECRET_");
    assertThat(env).containsKeys("SECRET_snUser", "SECRET_snPwd");
  }

  @Test
  void helmCustomImageUsesOnlyChartKeysAndTheChartsOwnConnectorsVersion() throws IOException {
    Map<String, Object> connectors =
        map(yaml(DEPLOY.resolve("helm-values-custom-image.yaml")).get("connectors"));
    assertThat(CHART_CONNECTORS_KEYS).containsAll(connectors.keySet());
    Map<String, Object> image = map(connectors.get("image"));
    assertThat(CHART_IMAGE_KEYS).containsAll(image.keySet());
    assertThat(image).containsKey("repository");
    // a pinned tag would run an older runtime than the chart's platform after a chart upgrade
    assertThat(image).as("the chart's own connectors.image.tag applies").doesNotContainKey("tag");
    assertSecretsFromTheEnvironment(connectors);
  }

  @Test
  void helmVolumeMountsAVerifiedJarAtOptCustom() throws IOException {
    Path file = DEPLOY.resolve("helm-values-volume.yaml");
    Map<String, Object> connectors = map(yaml(file).get("connectors"));
    assertThat(CHART_CONNECTORS_KEYS).containsAll(connectors.keySet());

    Map<String, Object> volume = map(((List<?>) connectors.get("extraVolumes")).get(0));
    Map<String, Object> mount = map(((List<?>) connectors.get("extraVolumeMounts")).get(0));
    assertThat(mount.get("name")).isEqualTo(volume.get("name"));
    assertThat(mount.get("mountPath")).isEqualTo("/opt/custom");

    Map<String, Object> init = map(((List<?>) connectors.get("initContainers")).get(0));
    Map<String, Object> initMount = map(((List<?>) init.get("volumeMounts")).get(0));
    assertThat(initMount.get("name")).isEqualTo(volume.get("name"));
    assertThat(initMount.get("mountPath")).isEqualTo("/opt/custom");
    String script =
        String.join("\n", ((List<?>) init.get("args")).stream().map(String::valueOf).toList());
    assertThat(script)
        .contains("servicenow-connectors-${RELEASE}-with-dependencies.jar")
        .contains(
            "https://github.com/sncamunda/servicenow-connectors/releases/download/v${RELEASE}/")
        .contains("sha256sum -c -");
    // the chart renders initContainers through tpl: no template braces in what it renders
    assertThat(Files.readString(file).lines().filter(l -> !l.trim().startsWith("#")))
        .noneMatch(l -> l.contains("{{"));
    assertSecretsFromTheEnvironment(connectors);
  }

  @Test
  void readmeInstallsIntoOptCustom() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String install = section(readme, "## Install");
    assertThat(install).contains("/opt/custom").doesNotContain("/opt/app/`");
    assertThat(install).contains("examples/deploy");
    assertThat(readme).doesNotContainPattern("COPY [^\\n]*/opt/app");
  }

  private static void assertSecretsFromTheEnvironment(Map<String, Object> connectors) {
    List<?> env = (List<?>) connectors.get("env");
    assertThat(env.stream().map(e -> map(e).get("name")))
        .contains(
            "CAMUNDA_CONNECTOR_SECRETPROVIDER_ENVIRONMENT_PREFIX", "SECRET_snUser", "SECRET_snPwd");
  }

  private static String arg(String dockerfile, String name) {
    Matcher m = Pattern.compile("(?m)^ARG " + name + "=(\\S+)$").matcher(dockerfile);
    assertThat(m.find()).as("ARG %s with a default", name).isTrue();
    return m.group(1);
  }

  /** Dockerfile instructions, comments dropped and continuation lines joined. */
  private static List<String> instructions(String dockerfile) {
    return List.of(
            dockerfile
                .lines()
                .filter(l -> !l.trim().startsWith("#"))
                .map(String::strip)
                .reduce(
                    "",
                    (a, l) -> a.endsWith("\\") ? a.substring(0, a.length() - 1) + l : a + "\n" + l)
                .split("\n"))
        .stream()
        .map(s -> s.replaceAll("\\s+", " ").strip())
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String section(String markdown, String heading) {
    int start = markdown.indexOf(heading + "\n");
    assertThat(start).as("README has %s", heading).isNotNegative();
    int end = markdown.indexOf("\n## ", start + heading.length());
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    return map(new Yaml().load(Files.readString(file)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
