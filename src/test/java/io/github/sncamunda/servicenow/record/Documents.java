package io.github.sncamunda.servicenow.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.document.jackson.JacksonModuleDocumentDeserializer;
import io.camunda.connector.document.jackson.JacksonModuleDocumentSerializer;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import java.util.Map;

/**
 * Camunda documents as the 8.8 runtime handles them: the runtime's in-memory document store and
 * document factory, and a mapper that turns document references in job variables into {@link
 * Document}s (and documents in results back into references).
 */
public final class Documents {

  public static final DocumentFactory FACTORY =
      new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE);
  public static final ObjectMapper MAPPER =
      ConnectorsObjectMapperSupplier.getCopy()
          .registerModule(new JacksonModuleDocumentDeserializer(FACTORY, null))
          .registerModule(new JacksonModuleDocumentSerializer());

  private Documents() {}

  public static Document create(byte[] content, String fileName, String contentType) {
    return FACTORY.create(
        DocumentCreationRequest.from(content).fileName(fileName).contentType(contentType).build());
  }

  /** The reference a process variable holds for {@code document}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> reference(Document document) {
    return MAPPER.convertValue(document, Map.class);
  }
}
