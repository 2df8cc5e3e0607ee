package io.github.sncamunda.servicenow.scale;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex;
import io.github.sncamunda.servicenow.e2e.search.SearchApiServer;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Inbound connectors on several runtime replicas, each a JVM of its own ({@link Replica}), against
 * one in-memory engine and one ServiceNow simulator in this JVM. The replicas cannot see the
 * engine's records, so this JVM serves them the runtime's searches over HTTP ({@link
 * SearchApiServer}, their {@code camunda.client.rest-address}); everything else goes to the engine
 * over gRPC, as in production. Secrets are those of the test resources' application.properties,
 * which the simulator accepts.
 */
final class InboundCluster implements AutoCloseable {

  private final ZeebeTestEngine engine;
  private final EngineRecordIndex records;
  private final SearchApiServer searchApi;
  private final ServiceNowSimulator servicenow;
  private final CamundaClient client;
  private final List<Replica> replicas = new ArrayList<>();

  private InboundCluster(int replicaCount, Path directory) {
    engine = EngineFactory.create();
    engine.start();
    records = new EngineRecordIndex(engine.getRecordStreamSource());
    searchApi = SearchApiServer.start(records);
    servicenow =
        new ServiceNowSimulator()
            .withoutDefaultCredentials()
            .user(ScaleRun.user(), ScaleRun.password())
            .start();
    String gateway = engine.getGatewayAddress();
    String grpc = "http://127.0.0.1:" + gateway.substring(gateway.lastIndexOf(':') + 1);
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(grpc))
            .restAddress(URI.create("http://127.0.0.1:1"))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(30))
            .build();
    Replica.Settings settings =
        new Replica.Settings(
            grpc,
            4,
            32,
            true,
            Duration.ofMinutes(5),
            "INFO",
            "INFO",
            // C1 only: quicker start-up on a busy machine
            List.of("-XX:TieredStopAtLevel=1"),
            directory,
            searchApi.baseUrl());
    for (int i = 1; i <= replicaCount; i++) {
      Replica replica = new Replica("inbound-replica-" + i, settings);
      replicas.add(replica);
      replica.start();
    }
  }

  /** Starts the engine, the simulator, the search API and the replicas; returns once all are up. */
  static InboundCluster start(int replicaCount, Path directory) {
    long begin = System.nanoTime();
    InboundCluster cluster = new InboundCluster(replicaCount, directory);
    try {
      cluster.replicas.forEach(r -> r.awaitReady(Duration.ofSeconds(180)));
      System.out.printf(
          "%d inbound replicas ready in %d ms%n",
          replicaCount, (System.nanoTime() - begin) / 1_000_000);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  CamundaClient client() {
    return client;
  }

  ServiceNowSimulator servicenow() {
    return servicenow;
  }

  SearchApiServer searchApi() {
    return searchApi;
  }

  List<Replica> replicas() {
    return List.copyOf(replicas);
  }

  /** Every engine record so far (a copy); read records only here, not from the engine. */
  List<Record<?>> records() {
    return records.records();
  }

  /** Deploys BPMN text under the resource name; returns the deployment. */
  DeploymentEvent deploy(String bpmnXml, String resourceName) {
    return client
        .newDeployResourceCommand()
        .addResourceStringUtf8(bpmnXml, resourceName)
        .send()
        .join();
  }

  /**
   * Waits until every replica's log says it activated an inbound connector of this type at least
   * {@code times} times in total (the runtime logs each activation with the type); returns how long
   * that took.
   */
  Duration awaitActivatedEverywhere(String type, int times, Duration timeout) {
    long begin = System.nanoTime();
    long deadline = begin + timeout.toNanos();
    for (Replica replica : replicas) {
      while (activations(replica, type) < times) {
        if (!replica.current().alive()) {
          throw new IllegalStateException(
              replica.name() + " exited; see " + replica.current().log());
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              replica.name()
                  + " did not activate "
                  + type
                  + " within "
                  + timeout
                  + "; see "
                  + replica.current().log());
        }
        Replica.sleep(100);
      }
    }
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  /** How often the replica's current JVM logged activating an inbound connector of this type. */
  static long activations(Replica replica, String type) {
    return logLines(replica).stream()
        .filter(l -> l.contains("Activated inbound connector " + type))
        .count();
  }

  /** ERROR lines the replicas logged (e.g. a failed definition import), for a test to assert. */
  List<String> errorLines() {
    return replicas.stream()
        .flatMap(r -> logLines(r).stream().map(l -> r.name() + ": " + l))
        .filter(l -> l.contains(" ERROR "))
        .toList();
  }

  private static List<String> logLines(Replica replica) {
    Path log = replica.current().log();
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    replicas.forEach(Replica::stop);
    client.close();
    searchApi.close();
    servicenow.close();
    engine.stop();
  }
}
