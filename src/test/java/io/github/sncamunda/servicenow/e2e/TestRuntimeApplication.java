package io.github.sncamunda.servicenow.e2e;

import io.camunda.connector.runtime.core.document.store.CamundaDocumentStore;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The connectors starter's auto-configuration is the whole runtime. Two additions for the tests:
 * the runtime's document store (which talks to the cluster's REST API, absent from the in-memory
 * engine) becomes its in-memory store, and a stand-in for "a previous step that produced a report".
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

  @Bean
  FailureReportConnector failureReportConnector() {
    return new FailureReportConnector();
  }
}
