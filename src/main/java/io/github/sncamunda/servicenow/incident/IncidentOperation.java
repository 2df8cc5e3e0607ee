package io.github.sncamunda.servicenow.incident;

import static io.github.sncamunda.servicenow.incident.TemplateTexts.DISPLAY_VALUE_DESCRIPTION;
import static io.github.sncamunda.servicenow.incident.TemplateTexts.EXCLUDE_LINK_DESCRIPTION;
import static io.github.sncamunda.servicenow.incident.TemplateTexts.FIELDS_DESCRIPTION;
import static io.github.sncamunda.servicenow.incident.TemplateTexts.INPUT_DISPLAY_VALUE_DESCRIPTION;
import static io.github.sncamunda.servicenow.incident.TemplateTexts.PAYLOAD_DESCRIPTION;
import static io.github.sncamunda.servicenow.incident.TemplateTexts.SYS_ID_DESCRIPTION;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateDiscriminatorProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What to do with the {@code incident} table. Every field carries its own template id (the
 * generator rejects duplicates across subtypes) while bindings stay {@code operation.<field>}, so
 * switching the operation in the Modeler keeps values of fields the operations share.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.PROPERTY,
    property = "operation")
@JsonSubTypes({
  @JsonSubTypes.Type(value = IncidentOperation.Create.class, name = IncidentOperation.Create.ID),
  @JsonSubTypes.Type(value = IncidentOperation.Read.class, name = IncidentOperation.Read.ID),
  @JsonSubTypes.Type(value = IncidentOperation.Update.class, name = IncidentOperation.Update.ID),
  @JsonSubTypes.Type(value = IncidentOperation.Delete.class, name = IncidentOperation.Delete.ID),
  @JsonSubTypes.Type(value = IncidentOperation.Search.class, name = IncidentOperation.Search.ID)
})
@TemplateDiscriminatorProperty(
    name = "operation",
    label = "Operation",
    group = "operation",
    defaultValue = IncidentOperation.Create.ID,
    description = "What to do with the ServiceNow incident table")
public sealed interface IncidentOperation {

  /** Options for operations that return records. */
  interface ReturnsRecords {
    String displayValue();

    Boolean excludeReferenceLink();

    String fields();
  }

  @TemplateSubType(id = Create.ID, label = "Create")
  record Create(
      @NotNull
          @TemplateProperty(
              id = "create.payload",
              group = "operation",
              label = "Payload",
              type = PropertyType.Text,
              feel = FeelMode.optional,
              description = PAYLOAD_DESCRIPTION)
          Object payload,
      @TemplateProperty(
              id = "create.correlationId",
              group = "operation",
              label = "Correlation ID",
              optional = true,
              description =
                  "Optional. An id from your system, stored in correlation_id. If an incident with"
                      + " it exists, that incident is returned instead of creating a second one.")
          String correlationId,
      @TemplateProperty(
              id = "create.displayValue",
              group = "options",
              label = "Display value",
              type = PropertyType.Dropdown,
              defaultValue = "false",
              choices = {
                @DropdownPropertyChoice(value = "false", label = "Stored values (false)"),
                @DropdownPropertyChoice(value = "true", label = "Display values (true)"),
                @DropdownPropertyChoice(value = "all", label = "Both (all)")
              },
              description = DISPLAY_VALUE_DESCRIPTION)
          String displayValue,
      @TemplateProperty(
              id = "create.excludeReferenceLink",
              group = "options",
              label = "Exclude reference links",
              type = PropertyType.Boolean,
              defaultValue = "true",
              defaultValueType = DefaultValueType.Boolean,
              description = EXCLUDE_LINK_DESCRIPTION)
          Boolean excludeReferenceLink,
      @TemplateProperty(
              id = "create.fields",
              group = "options",
              label = "Fields",
              optional = true,
              description = FIELDS_DESCRIPTION)
          String fields,
      @TemplateProperty(
              id = "create.inputDisplayValue",
              group = "options",
              label = "Input display value",
              type = PropertyType.Boolean,
              defaultValue = "false",
              defaultValueType = DefaultValueType.Boolean,
              description = INPUT_DISPLAY_VALUE_DESCRIPTION)
          Boolean inputDisplayValue)
      implements IncidentOperation, ReturnsRecords {

    @TemplateProperty(ignore = true)
    public static final String ID = "create";

    public Create(Object payload) {
      this(payload, null, null, null, null, null);
    }

    @Override
    public String toString() {
      // payloads may hold personal data: keep them out of logs
      return "Create[correlationId="
          + correlationId
          + ", payload="
          + (payload == null ? null : "[…]")
          + "]";
    }
  }

  @TemplateSubType(id = Read.ID, label = "Read")
  record Read(
      @NotBlank
          @TemplateProperty(
              id = "read.sysId",
              group = "operation",
              label = "Sys ID",
              description = SYS_ID_DESCRIPTION)
          String sysId,
      @TemplateProperty(
              id = "read.displayValue",
              group = "options",
              label = "Display value",
              type = PropertyType.Dropdown,
              defaultValue = "false",
              choices = {
                @DropdownPropertyChoice(value = "false", label = "Stored values (false)"),
                @DropdownPropertyChoice(value = "true", label = "Display values (true)"),
                @DropdownPropertyChoice(value = "all", label = "Both (all)")
              },
              description = DISPLAY_VALUE_DESCRIPTION)
          String displayValue,
      @TemplateProperty(
              id = "read.excludeReferenceLink",
              group = "options",
              label = "Exclude reference links",
              type = PropertyType.Boolean,
              defaultValue = "true",
              defaultValueType = DefaultValueType.Boolean,
              description = EXCLUDE_LINK_DESCRIPTION)
          Boolean excludeReferenceLink,
      @TemplateProperty(
              id = "read.fields",
              group = "options",
              label = "Fields",
              optional = true,
              description = FIELDS_DESCRIPTION)
          String fields)
      implements IncidentOperation, ReturnsRecords {

    @TemplateProperty(ignore = true)
    public static final String ID = "read";

    public Read(String sysId) {
      this(sysId, null, null, null);
    }
  }

  @TemplateSubType(id = Update.ID, label = "Update")
  record Update(
      @NotBlank
          @TemplateProperty(
              id = "update.sysId",
              group = "operation",
              label = "Sys ID",
              description = SYS_ID_DESCRIPTION)
          String sysId,
      @NotNull
          @TemplateProperty(
              id = "update.payload",
              group = "operation",
              label = "Payload",
              type = PropertyType.Text,
              feel = FeelMode.optional,
              description = "JSON object of the fields to change, e.g. {\"priority\": \"2\"}")
          Object payload,
      @TemplateProperty(
              id = "update.displayValue",
              group = "options",
              label = "Display value",
              type = PropertyType.Dropdown,
              defaultValue = "false",
              choices = {
                @DropdownPropertyChoice(value = "false", label = "Stored values (false)"),
                @DropdownPropertyChoice(value = "true", label = "Display values (true)"),
                @DropdownPropertyChoice(value = "all", label = "Both (all)")
              },
              description = DISPLAY_VALUE_DESCRIPTION)
          String displayValue,
      @TemplateProperty(
              id = "update.excludeReferenceLink",
              group = "options",
              label = "Exclude reference links",
              type = PropertyType.Boolean,
              defaultValue = "true",
              defaultValueType = DefaultValueType.Boolean,
              description = EXCLUDE_LINK_DESCRIPTION)
          Boolean excludeReferenceLink,
      @TemplateProperty(
              id = "update.fields",
              group = "options",
              label = "Fields",
              optional = true,
              description = FIELDS_DESCRIPTION)
          String fields,
      @TemplateProperty(
              id = "update.inputDisplayValue",
              group = "options",
              label = "Input display value",
              type = PropertyType.Boolean,
              defaultValue = "false",
              defaultValueType = DefaultValueType.Boolean,
              description = INPUT_DISPLAY_VALUE_DESCRIPTION)
          Boolean inputDisplayValue)
      implements IncidentOperation, ReturnsRecords {

    @TemplateProperty(ignore = true)
    public static final String ID = "update";

    public Update(String sysId, Object payload) {
      this(sysId, payload, null, null, null, null);
    }

    @Override
    public String toString() {
      return "Update[sysId=" + sysId + ", payload=" + (payload == null ? null : "[…]") + "]";
    }
  }

  @TemplateSubType(id = Delete.ID, label = "Delete")
  record Delete(
      @NotBlank
          @TemplateProperty(
              id = "delete.sysId",
              group = "operation",
              label = "Sys ID",
              description = SYS_ID_DESCRIPTION)
          String sysId)
      implements IncidentOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "delete";
  }

  @TemplateSubType(id = Search.ID, label = "Search")
  record Search(
      @TemplateProperty(
              id = "search.query",
              group = "operation",
              label = "Query",
              optional = true,
              description =
                  "sysparm_query: an encoded query, e.g. active=true^priority=1 (copy it from a"
                      + " list filter). ServiceNow ignores invalid parts of a query.")
          String query,
      @TemplateProperty(
              id = "search.orderBy",
              group = "operation",
              label = "Order by",
              optional = true,
              description = "Optional. Field to sort by, e.g. sys_created_on")
          String orderBy,
      @TemplateProperty(
              id = "search.orderDirection",
              group = "operation",
              label = "Order direction",
              type = PropertyType.Dropdown,
              defaultValue = "ascending",
              choices = {
                @DropdownPropertyChoice(value = "ascending", label = "Ascending"),
                @DropdownPropertyChoice(value = "descending", label = "Descending")
              },
              description = "Applies when Order by is set")
          String orderDirection,
      @TemplateProperty(
              id = "search.limit",
              group = "operation",
              label = "Limit",
              type = PropertyType.String,
              defaultValue = "10",
              description = "sysparm_limit: at most this many records, 1 to 10000")
          Integer limit,
      @TemplateProperty(
              id = "search.offset",
              group = "operation",
              label = "Offset",
              type = PropertyType.String,
              defaultValue = "0",
              description = "sysparm_offset: skip this many records, for paging")
          Integer offset,
      @TemplateProperty(
              id = "search.displayValue",
              group = "options",
              label = "Display value",
              type = PropertyType.Dropdown,
              defaultValue = "false",
              choices = {
                @DropdownPropertyChoice(value = "false", label = "Stored values (false)"),
                @DropdownPropertyChoice(value = "true", label = "Display values (true)"),
                @DropdownPropertyChoice(value = "all", label = "Both (all)")
              },
              description = DISPLAY_VALUE_DESCRIPTION)
          String displayValue,
      @TemplateProperty(
              id = "search.excludeReferenceLink",
              group = "options",
              label = "Exclude reference links",
              type = PropertyType.Boolean,
              defaultValue = "true",
              defaultValueType = DefaultValueType.Boolean,
              description = EXCLUDE_LINK_DESCRIPTION)
          Boolean excludeReferenceLink,
      @TemplateProperty(
              id = "search.fields",
              group = "options",
              label = "Fields",
              optional = true,
              description = FIELDS_DESCRIPTION)
          String fields)
      implements IncidentOperation, ReturnsRecords {

    @TemplateProperty(ignore = true)
    public static final String ID = "search";

    public Search(String query) {
      this(query, null, null, null, null, null, null, null);
    }
  }
}
