package io.github.sncamunda.servicenow.e2e;

import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.connector.runtime.core.document.store.CamundaDocumentStore;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The connectors starter's auto-configuration is the whole runtime. Two additions for the tests:
 * the runtime's document store (which talks to the cluster's REST API, absent from the in-memory
 * engine) becomes its in-memory store, and a stand-in for "a previous step that produced a report".
 * Jobs run on virtual threads, as the 8.9 runtime runs them by default (VirtualThreadsE2ETest).
 */
@SpringBootApplication
public class TestRuntimeApplication {

  @Bean
  static BeanPostProcessor inMemoryDocumentStore() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof CamundaDocumentStore ? InMemoryDocumentStore.INSTANCE : bean;
      }
    };
  }

  /** Job workers (polling and handlers) on virtual threads; replaces the starter's thread pool. */
  @Bean
  CamundaClientExecutorService virtualThreadJobExecutor() {
    return new CamundaClientExecutorService(
        Executors.newScheduledThreadPool(
            JOB_THREADS, Thread.ofVirtual().name("e2e-job-", 0).factory()),
        true);
  }

  static final int JOB_THREADS = 64;

  @Bean
  ThreadProbeConnector threadProbeConnector() {
    return new ThreadProbeConnector();
  }

  @Bean
  FailureReportConnector failureReportConnector() {
    return new FailureReportConnector();
  }
}
