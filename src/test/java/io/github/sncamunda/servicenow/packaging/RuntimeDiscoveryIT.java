package io.github.sncamunda.servicenow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar in a class loader of its own next to the connectors runtime's libraries, as in the
 * runtime image where it sits in /opt/custom: without our classes from target/ and without the
 * unrelocated Apache HttpClient on the class path. The runtime's own SPI discovery
 * (SPIConnectorDiscovery, what the 8.8 runtime calls at start-up) must find every connector in the
 * jar's META-INF/services file, read their job types and create them, and the jar must name its
 * version in the User-Agent.
 */
class RuntimeDiscoveryIT {

  private static final String FLOW = "io.github.sncamunda.servicenow.flow.FlowStarterFunction";
  private static final String INCIDENT =
      "io.github.sncamunda.servicenow.incident.IncidentHandlerFunction";
  private static final String RECORD =
      "io.github.sncamunda.servicenow.record.RecordHandlerFunction";

  private static final String WEBHOOK =
      "io.github.sncamunda.servicenow.inbound.webhook.ServiceNowWebhook";
  private static final String WEBHOOK_TYPE = "io.github.sncamunda:servicenow-webhook:1";

  private static Path jar;
  private static URLClassLoader runtime;

  @BeforeAll
  static void runtimeWithTheJarOnly() throws Exception {
    String finalName = System.getProperty("project.build.finalName");
    assertThat(finalName).as("failsafe passes project.build.finalName").isNotBlank();
    jar = Path.of("target", finalName + "-with-dependencies.jar");
    assertThat(jar).exists();

    List<URL> urls = new ArrayList<>();
    urls.add(jar.toUri().toURL());
    for (String entry : testClassPath()) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      boolean ours =
          path.toAbsolutePath().startsWith(Path.of("target").toAbsolutePath())
              || name.startsWith("servicenow-connectors");
      boolean httpClient = name.startsWith("httpclient5-") || name.startsWith("httpcore5-");
      if (!ours && !httpClient) {
        urls.add(path.toUri().toURL());
      }
    }
    runtime = new URLClassLoader("runtime-with-jar", urls.toArray(URL[]::new), platform());
  }

  @AfterAll
  static void close() throws Exception {
    runtime.close();
  }

  @Test
  void theRuntimesSpiDiscoveryFindsBothConnectorsInTheJar() throws Exception {
    List<URL> spiFiles =
        java.util.Collections.list(
            runtime.getResources(
                "META-INF/services/io.camunda.connector.api.outbound.OutboundConnectorFunction"));
    assertThat(spiFiles)
        .as("the only connector registration on this class path is the jar's")
        .singleElement()
        .satisfies(
            url ->
                assertThat(url.toString())
                    .startsWith("jar:" + jar.toAbsolutePath().toUri().toURL() + "!/"));

    Map<String, Class<?>> found = discover();
    assertThat(found).containsOnlyKeys(FLOW, INCIDENT, RECORD);
    for (Class<?> type : found.values()) {
      assertThat(type.getClassLoader()).isSameAs(runtime);
      assertThat(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()))
          .as("%s is loaded from the shaded jar", type.getName())
          .isEqualTo(jar.toAbsolutePath());
    }
  }

  @Test
  void theRuntimeReadsTheJobTypesAndCreatesTheConnectors() throws Exception {
    Map<String, Class<?>> found = discover();
    Class<?> util =
        runtime.loadClass("io.camunda.connector.runtime.core.ConnectorConfigurationUtil");
    Method configuration =
        Arrays.stream(util.getMethods())
            .filter(m -> m.getName().equals("getOutboundConnectorConfiguration"))
            .findFirst()
            .orElseThrow();
    Map<String, String> types = new TreeMap<>();
    for (Class<?> function : found.values()) {
      Object config = configuration.invoke(null, function);
      types.put(
          (String) config.getClass().getMethod("name").invoke(config),
          (String) config.getClass().getMethod("type").invoke(config));
      Supplier<?> supplier =
          (Supplier<?>) config.getClass().getMethod("instanceSupplier").invoke(config);
      Object instance = supplier.get();
      assertThat(instance.getClass()).isSameAs(function);
    }
    assertThat(types.values())
        .containsExactlyInAnyOrder(
            "io.github.sncamunda:servicenow-flow-starter:1",
            "io.github.sncamunda:servicenow-incident:1",
            "io.github.sncamunda:servicenow-record:1");
  }

  @Test
  void theRuntimesInboundDiscoveryFindsTheWatcherAndTheWaitInTheJarAndCreatesThem()
      throws Exception {
    List<URL> spiFiles =
        java.util.Collections.list(
            runtime.getResources(
                "META-INF/services/io.camunda.connector.api.inbound.InboundConnectorExecutable"));
    assertThat(spiFiles)
        .singleElement()
        .satisfies(
            url ->
                assertThat(url.toString())
                    .startsWith("jar:" + jar.toAbsolutePath().toUri().toURL() + "!/"));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(runtime);
    Map<String, String> types = new TreeMap<>();
    try {
      Class<?> discovery =
          runtime.loadClass("io.camunda.connector.runtime.core.discovery.SPIConnectorDiscovery");
      List<?> configurations = (List<?>) discovery.getMethod("discoverInbound").invoke(null);
      Method instantiate =
          runtime
              .loadClass("io.camunda.connector.runtime.core.ConnectorConfigurationUtil")
              .getMethod("instantiateConnector", Class.class);
      for (Object config : configurations) {
        String type = (String) config.getClass().getMethod("type").invoke(config);
        Class<?> executable =
            (Class<?>) config.getClass().getMethod("connectorClass").invoke(config);
        Object instance = instantiate.invoke(null, executable);
        assertThat(instance.getClass().getClassLoader()).isSameAs(runtime);
        assertThat(
                Path.of(
                    instance
                        .getClass()
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI()))
            .isEqualTo(jar.toAbsolutePath());
        types.put(instance.getClass().getName(), type);
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
    assertThat(types)
        .containsOnly(
            Map.entry(
                "io.github.sncamunda.servicenow.inbound.RecordWatcherExecutable",
                "io.github.sncamunda:servicenow-record-watcher:1"),
            Map.entry(
                "io.github.sncamunda.servicenow.inbound.RecordWaitExecutable",
                "io.github.sncamunda:servicenow-record-wait:1"),
            Map.entry(WEBHOOK, WEBHOOK_TYPE));
  }

  @Test
  void theRelocatedHttpClientLoadsFromTheJarAndTheOriginalIsNotNeeded() throws Exception {
    Class<?> clients =
        Class.forName(
            System.getProperty("shade.prefix") + ".hc.client5.http.impl.classic.HttpClients",
            true,
            runtime);
    Object client = clients.getMethod("createDefault").invoke(null);
    ((AutoCloseable) client).close();
    assertThat(Path.of(clients.getProtectionDomain().getCodeSource().getLocation().toURI()))
        .isEqualTo(jar.toAbsolutePath());
    assertThat(runtime.getResource("org/apache/hc/client5/http/impl/classic/HttpClients.class"))
        .as("no unrelocated HttpClient anywhere on this class path")
        .isNull();
  }

  @Test
  void theUserAgentNamesTheJarsVersion() throws Exception {
    Class<?> userAgent =
        Class.forName("io.github.sncamunda.servicenow.client.UserAgent", true, runtime);
    var value = userAgent.getDeclaredField("VALUE");
    value.setAccessible(true);
    assertThat((String) value.get(null))
        .isEqualTo(
            "camunda-servicenow-connectors/"
                + System.getProperty("project.version")
                + " (Java "
                + Runtime.version().feature()
                + ")");
  }

  private static Map<String, Class<?>> discover() throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(runtime); // ServiceLoader.load(Class) reads the context loader
    try {
      Class<?> discovery =
          runtime.loadClass("io.camunda.connector.runtime.core.discovery.SPIConnectorDiscovery");
      @SuppressWarnings("unchecked")
      Stream<ServiceLoader.Provider<?>> providers =
          (Stream<ServiceLoader.Provider<?>>)
              discovery.getMethod("loadConnectorFunctions").invoke(null);
      Map<String, Class<?>> found = new TreeMap<>();
      providers.forEach(p -> found.put(p.type().getName(), p.type()));
      return found;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static List<String> testClassPath() {
    // the real test class path; java.class.path may be only failsafe's booter jar
    String classPath = System.getProperty("surefire.test.class.path");
    assertThat(classPath).as("failsafe sets surefire.test.class.path").isNotBlank();
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(e -> !e.isBlank() && Files.exists(Path.of(e)))
        .toList();
  }

  private static ClassLoader platform() {
    return ClassLoader.getPlatformClassLoader();
  }
}
