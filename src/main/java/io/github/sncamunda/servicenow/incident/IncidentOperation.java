package io.github.sncamunda.servicenow.incident;

import static io.github.sncamunda.servicenow.common.FieldPatterns.CORRELATION_ID;
import static io.github.sncamunda.servicenow.common.FieldPatterns.CORRELATION_ID_MESSAGE;
import static io.github.sncamunda.servicenow.common.FieldPatterns.COUNT_MESSAGE;
import static io.github.sncamunda.servicenow.common.FieldPatterns.FIELD_NAME;
import static io.github.sncamunda.servicenow.common.FieldPatterns.FIELD_NAME_MESSAGE;
import static io.github.sncamunda.servicenow.common.FieldPatterns.OFFSET;
import static io.github.sncamunda.servicenow.common.FieldPatterns.OFFSET_MESSAGE;
import static io.github.sncamunda.servicenow.common.FieldPatterns.OPTIONAL_COUNT;
import static io.github.sncamunda.servicenow.common.FieldPatterns.SYS_ID;
import static io.github.sncamunda.servicenow.common.FieldPatterns.SYS_ID_MESSAGE;
import static io.github.sncamunda.servicenow.incident.TemplateTexts.SYS_ID_TOOLTIP;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateDiscriminatorProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.Pattern;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What to do with the {@code incident} table (process variable root {@code operation}). Every field
 * carries its own template id (the generator rejects duplicates across subtypes) while bindings
 * stay {@code operation.<field>}, so switching the operation in the Modeler keeps values of fields
 * the operations share. The table options sit in the same variable ({@code operation.displayValue}
 * …) but are declared once, in {@link IncidentOptions}.
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
// the table options travel in operation too; IncidentRequest.bind reads them into IncidentOptions
@JsonIgnoreProperties({"displayValue", "excludeReferenceLink", "fields", "inputDisplayValue"})
@TemplateDiscriminatorProperty(
    name = "operation",
    label = "Operation",
    group = "operation",
    defaultValue = IncidentOperation.Create.ID)
public sealed interface IncidentOperation {

  @TemplateSubType(id = Create.ID, label = "Create")
  record Create(
      @NotNull
          @TemplateProperty(
              id = "create.payload",
              group = "operation",
              label = "Payload",
              type = PropertyType.Text,
              feel = FeelMode.optional,
              tooltip =
                  "The incident's fields as a FEEL context or JSON text, e.g."
                      + " {\"short_description\": \"Disk full on \" + host, \"urgency\": \"2\"}."
                      + " Values are stored values (a caller's sys_id) unless Input display value"
                      + " is on.",
              constraints = @PropertyConstraints(notEmpty = true))
          Object payload,
      @TemplateProperty(
              id = "create.correlationId",
              group = "operation",
              label = "Correlation ID",
              optional = true,
              tooltip =
                  "An id from your system, stored in the incident's correlation_id. If an"
                      + " incident with it exists, that incident is returned (created: false)"
                      + " instead of creating a second one, so a retried job never creates twice.",
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = CORRELATION_ID, message = CORRELATION_ID_MESSAGE)))
          String correlationId,
      @TemplateProperty(
              id = "create.unmarked",
              group = "operation",
              label = "Do not mark for a safe retry",
              type = PropertyType.Boolean,
              optional = true,
              tooltip =
                  "Without a Correlation ID, a create stores a key of this task's execution in"
                      + " correlation_id, so a retry after a lost answer finds the record instead"
                      + " of creating a second one. Check this to leave correlation_id as the"
                      + " payload sets it; a create whose answer is lost then stops in an"
                      + " incident.")
          Boolean unmarked)
      implements IncidentOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "create";

    public Create(Object payload) {
      this(payload, null, null);
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
              tooltip = SYS_ID_TOOLTIP,
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID, message = SYS_ID_MESSAGE)))
          String sysId)
      implements IncidentOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "read";
  }

  @TemplateSubType(id = Update.ID, label = "Update")
  record Update(
      @NotBlank
          @TemplateProperty(
              id = "update.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = SYS_ID_TOOLTIP,
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID, message = SYS_ID_MESSAGE)))
          String sysId,
      @NotNull
          @TemplateProperty(
              id = "update.payload",
              group = "operation",
              label = "Payload",
              type = PropertyType.Text,
              feel = FeelMode.optional,
              tooltip =
                  "Only the fields to change, e.g. {\"urgency\": \"1\", \"work_notes\":"
                      + " \"Escalated\"}; the others keep their values.",
              constraints = @PropertyConstraints(notEmpty = true))
          Object payload)
      implements IncidentOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "update";

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
              tooltip = SYS_ID_TOOLTIP,
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID, message = SYS_ID_MESSAGE)))
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
              tooltip =
                  "An encoded query (sysparm_query), e.g. active=true^priority=1. Copy it from a"
                      + " list view's filter (right-click the breadcrumb > Copy query). Empty"
                      + " matches every incident.",
              description =
                  "ServiceNow ignores query parts it does not understand and then matches every"
                      + " incident")
          String query,
      @TemplateProperty(
              id = "search.orderBy",
              group = "operation",
              label = "Order by",
              optional = true,
              tooltip = "A field to sort by, e.g. sys_created_on.",
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = FIELD_NAME, message = FIELD_NAME_MESSAGE)))
          String orderBy,
      @TemplateProperty(
              id = "search.orderDirection",
              group = "operation",
              label = "Order direction",
              type = PropertyType.Dropdown,
              defaultValue = "ascending",
              tooltip = "Applies when Order by is set.",
              choices = {
                @DropdownPropertyChoice(value = "ascending", label = "Ascending"),
                @DropdownPropertyChoice(value = "descending", label = "Descending")
              })
          String orderDirection,
      @TemplateProperty(
              id = "search.limit",
              group = "operation",
              label = "Limit",
              type = PropertyType.String,
              defaultValue = "10",
              tooltip = "The most incidents to return (sysparm_limit); 10 when empty.",
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = OPTIONAL_COUNT, message = COUNT_MESSAGE)))
          Integer limit,
      @TemplateProperty(
              id = "search.offset",
              group = "operation",
              label = "Offset",
              type = PropertyType.String,
              defaultValue = "0",
              tooltip =
                  "Incidents to skip (sysparm_offset), for paging: the next page starts at"
                      + " Offset + Limit.",
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = OFFSET, message = OFFSET_MESSAGE)))
          Integer offset)
      implements IncidentOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "search";

    public Search(String query) {
      this(query, null, null, null, null);
    }
  }
}
