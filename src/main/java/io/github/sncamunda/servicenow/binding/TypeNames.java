package io.github.sncamunda.servicenow.binding;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.List;

/**
 * The type ids a polymorphic input accepts, read from its {@code @JsonSubTypes}, so messages that
 * list them cannot drift from what binds.
 */
public final class TypeNames {

  private TypeNames() {}

  /** The ids of {@code base}'s subtypes, in declaration order. */
  public static List<String> of(Class<?> base) {
    JsonSubTypes types = base.getAnnotation(JsonSubTypes.class);
    if (types == null) {
      throw new IllegalArgumentException(base.getSimpleName() + " declares no @JsonSubTypes");
    }
    return Arrays.stream(types.value()).map(JsonSubTypes.Type::name).toList();
  }

  /** The ids joined for a message: "create, read, update". */
  public static String listed(Class<?> base) {
    return String.join(", ", of(base));
  }
}
