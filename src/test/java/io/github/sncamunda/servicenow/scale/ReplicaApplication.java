package io.github.sncamunda.servicenow.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;

/**
 * One connectors runtime replica in a JVM of its own, as the scale-out harness starts it: the
 * connectors starter's auto-configuration is the whole runtime (SPI discovery of every connector on
 * the class path, one Camunda client, one job worker per connector type), configured by the
 * harness's command-line properties. It writes the file named by {@code replica.ready} once the
 * context is up, so the harness knows when its workers are open.
 */
@SpringBootApplication
public class ReplicaApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(ReplicaApplication.class)
        .web(WebApplicationType.NONE)
        .listeners(
            event -> {
              if (event instanceof ApplicationReadyEvent) {
                ready();
              }
            })
        .run(args);
  }

  /** The replica's meters into the file the harness reads (see {@link ReplicaMetrics}). */
  @Bean(destroyMethod = "close")
  ReplicaMetrics replicaMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    return new ReplicaMetrics(registry, Path.of(System.getProperty("replica.metrics")));
  }

  private static void ready() {
    String file = System.getProperty("replica.ready");
    if (file == null) {
      return;
    }
    try {
      Files.writeString(Path.of(file), Long.toString(ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
