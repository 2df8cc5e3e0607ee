package io.github.sncamunda.servicenow.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.io.IOException;
import java.util.Arrays;

/**
 * Resolves {@code authentication.type} strictly: a type the bundle does not know is an input error
 * naming the valid ones, never quietly Basic. A missing type still means Basic (the templates
 * always set it; older inputs may not). The ids are {@link ServiceNowAuthentication}'s
 * {@code @JsonSubTypes}.
 */
final class AuthenticationTypes extends TypeIdResolverBase {

  private static final JsonSubTypes.Type[] TYPES =
      ServiceNowAuthentication.class.getAnnotation(JsonSubTypes.class).value();

  @Override
  public String idFromValue(Object value) {
    return idFromValueAndType(value, value.getClass());
  }

  @Override
  public String idFromValueAndType(Object value, Class<?> type) {
    return Arrays.stream(TYPES)
        .filter(t -> t.value() == type)
        .map(JsonSubTypes.Type::name)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an authentication type: " + type));
  }

  @Override
  public JavaType typeFromId(DatabindContext context, String id) throws IOException {
    for (JsonSubTypes.Type type : TYPES) {
      if (type.name().equals(id)) {
        return context.constructType(type.value());
      }
    }
    throw InvalidTypeIdException.from(
        context instanceof DeserializationContext deserializing ? deserializing.getParser() : null,
        "unknown authentication type",
        context.constructType(ServiceNowAuthentication.class),
        id);
  }

  @Override
  public JsonTypeInfo.Id getMechanism() {
    return JsonTypeInfo.Id.NAME;
  }
}
