package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes records as the Table API answers them, honouring {@code sysparm_fields}, {@code
 * sysparm_display_value} and {@code sysparm_exclude_reference_link}.
 */
final class RecordJson {

  private enum Display {
    FALSE,
    TRUE,
    ALL
  }

  private final TableSchema schema;
  private final Set<String> fields;
  private final Display display;
  private final boolean excludeLink;
  private final String baseUrl;

  private RecordJson(
      TableSchema schema, Set<String> fields, Display display, boolean excludeLink, String base) {
    this.schema = schema;
    this.fields = fields;
    this.display = display;
    this.excludeLink = excludeLink;
    this.baseUrl = base;
  }

  static RecordJson of(TableSchema schema, Request request, String baseUrl) {
    Set<String> fields = null;
    String wanted = request.param("sysparm_fields");
    if (wanted != null && !wanted.isBlank()) {
      fields = new LinkedHashSet<>();
      for (String f : wanted.split(",")) {
        if (!f.isBlank()) {
          fields.add(f.trim());
        }
      }
    }
    String dv = request.param("sysparm_display_value");
    Display display =
        "true".equalsIgnoreCase(dv)
            ? Display.TRUE
            : "all".equalsIgnoreCase(dv) ? Display.ALL : Display.FALSE;
    return new RecordJson(
        schema,
        fields,
        display,
        "true".equalsIgnoreCase(request.param("sysparm_exclude_reference_link")),
        baseUrl);
  }

  byte[] single(Map<String, String> record) {
    return SimJson.write(
        2048,
        g -> {
          g.writeStartObject();
          g.writeFieldName("result");
          write(g, record);
          g.writeEndObject();
        });
  }

  byte[] list(List<Map<String, String>> records) {
    return SimJson.write(
        256 + records.size() * 1024,
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("result");
          for (Map<String, String> record : records) {
            write(g, record);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private void write(JsonGenerator g, Map<String, String> record) throws IOException {
    g.writeStartObject();
    if (fields == null) {
      for (Map.Entry<String, String> e : record.entrySet()) {
        writeField(g, e.getKey(), e.getValue());
      }
    } else {
      for (String field : fields) {
        String value = record.get(field);
        if (value != null) { // invalid or dot-walked names are ignored like ServiceNow does
          writeField(g, field, value);
        }
      }
    }
    g.writeEndObject();
  }

  private void writeField(JsonGenerator g, String field, String value) throws IOException {
    if (schema.isJournal(field)) {
      value = ""; // write-only journal fields read back empty
    }
    g.writeFieldName(field);
    String table = schema.references().get(field);
    if (table != null && !value.isEmpty()) {
      writeReference(g, baseUrl + TableApi.PREFIX + table + "/" + value, value);
      return;
    }
    String label = schema.rules().display(field, value);
    switch (display) {
      case FALSE -> g.writeString(value);
      case TRUE -> g.writeString(label);
      case ALL -> {
        g.writeStartObject();
        g.writeStringField("display_value", label);
        g.writeStringField("value", value);
        g.writeEndObject();
      }
    }
  }

  /** References display as their sys_id: the simulator does not resolve them. */
  private void writeReference(JsonGenerator g, String link, String value) throws IOException {
    if (excludeLink && display != Display.ALL) {
      g.writeString(value);
      return;
    }
    g.writeStartObject();
    switch (display) {
      case FALSE -> {
        g.writeStringField("link", link);
        g.writeStringField("value", value);
      }
      case TRUE -> {
        g.writeStringField("display_value", value);
        g.writeStringField("link", link);
      }
      case ALL -> {
        g.writeStringField("display_value", value);
        if (!excludeLink) {
          g.writeStringField("link", link);
        }
        g.writeStringField("value", value);
      }
    }
    g.writeEndObject();
  }
}
