package io.github.sncamunda.servicenow.incident;

import static io.github.sncamunda.servicenow.common.FieldPatterns.FIELD_LIST;
import static io.github.sncamunda.servicenow.common.FieldPatterns.FIELD_LIST_MESSAGE;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.Pattern;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyBinding;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.github.sncamunda.servicenow.common.TableOptionTexts;
import io.github.sncamunda.servicenow.table.ReturnOptions;

/**
 * How incidents come back, declared once for every operation that returns them (template ids {@code
 * options.*}, group "Table options").
 *
 * <p>The values travel where template version 1 put them, next to the operation ({@code
 * operation.displayValue} …): Modeler's template upgrade keeps a value only where the new version
 * has the same binding, so a version 1 diagram upgraded in Modeler keeps its options, and version 1
 * processes run unchanged. {@link IncidentRequest#bind} reads them from there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentOptions(
    @TemplateProperty(
            id = "options.displayValue",
            group = "options",
            label = "Display value",
            type = PropertyType.Dropdown,
            defaultValue = "false",
            binding = @PropertyBinding(name = "operation.displayValue"),
            tooltip = TableOptionTexts.DISPLAY_VALUE,
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {"create", "read", "update", "search"}),
            choices = {
              @DropdownPropertyChoice(value = "false", label = "Stored values (false)"),
              @DropdownPropertyChoice(value = "true", label = "Display values (true)"),
              @DropdownPropertyChoice(value = "all", label = "Both (all)")
            })
        String displayValue,
    @TemplateProperty(
            id = "options.excludeReferenceLink",
            group = "options",
            label = "Exclude reference links",
            type = PropertyType.Boolean,
            defaultValue = "true",
            defaultValueType = DefaultValueType.Boolean,
            binding = @PropertyBinding(name = "operation.excludeReferenceLink"),
            tooltip = TableOptionTexts.EXCLUDE_REFERENCE_LINK,
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {"create", "read", "update", "search"}))
        Boolean excludeReferenceLink,
    @TemplateProperty(
            id = "options.fields",
            group = "options",
            label = "Fields",
            optional = true,
            binding = @PropertyBinding(name = "operation.fields"),
            tooltip = TableOptionTexts.FIELDS,
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {"create", "read", "update", "search"}),
            constraints =
                @PropertyConstraints(
                    pattern = @Pattern(value = FIELD_LIST, message = FIELD_LIST_MESSAGE)))
        String fields,
    @TemplateProperty(
            id = "options.inputDisplayValue",
            group = "options",
            label = "Input display value",
            type = PropertyType.Boolean,
            defaultValue = "false",
            defaultValueType = DefaultValueType.Boolean,
            binding = @PropertyBinding(name = "operation.inputDisplayValue"),
            tooltip = TableOptionTexts.INPUT_DISPLAY_VALUE,
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {"create", "update"}))
        Boolean inputDisplayValue) {

  /** The options for an operation that reads records; input display value applies to writes. */
  ReturnOptions forRead() {
    return new ReturnOptions(displayValue, excludeReferenceLink, fields, null);
  }

  ReturnOptions forWrite() {
    return new ReturnOptions(displayValue, excludeReferenceLink, fields, inputDisplayValue);
  }
}
