package io.github.sncamunda.servicenow;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain mapper for tests, independent of the bundle's own (which is not reachable). */
public final class TestJson {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private TestJson() {}
}
