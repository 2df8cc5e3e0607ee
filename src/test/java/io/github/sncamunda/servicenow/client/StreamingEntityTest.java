package io.github.sncamunda.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A document's content type goes out as the document store gave it, whatever its parameters. */
class StreamingEntityTest {

  @Test
  void aCharsetThisJvmDoesNotKnowIsSentAsGivenInsteadOfFailingTheUpload() throws IOException {
    byte[] bytes = "notes".getBytes(StandardCharsets.UTF_8);
    String type = "text/plain; charset=x-user-defined";

    StreamingEntity entity =
        new StreamingEntity(
            new StreamContent(() -> new ByteArrayInputStream(bytes), bytes.length, type, 1024));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    entity.writeTo(out);

    assertThat(entity.getContentType()).isEqualTo(type);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }
}
