package io.github.sncamunda.servicenow.e2e;

import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.document.jackson.JacksonModuleDocumentSerializer;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import java.util.Map;

/**
 * A document a process starts with (a form upload, a report from monitoring): stored in the
 * runtime's in-memory document store, handed over as the reference a process variable holds.
 */
public final class StartDocuments {

  private StartDocuments() {}

  /** Stores the content and returns its reference as the runtime's own mapper writes it. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> reference(byte[] content, String fileName, String type) {
    var document =
        new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE)
            .create(
                DocumentCreationRequest.from(content).fileName(fileName).contentType(type).build());
    return ConnectorsObjectMapperSupplier.getCopy()
        .registerModule(new JacksonModuleDocumentSerializer())
        .convertValue(document, Map.class);
  }
}
