package io.github.sncamunda.servicenow.record;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.github.sncamunda.servicenow.common.FieldPatterns;
import io.github.sncamunda.servicenow.common.TableOptionTexts;
import io.github.sncamunda.servicenow.table.ReturnOptions;

/**
 * How records come back (process variable root {@code options}), declared once for every operation
 * that returns records.
 */
public record RecordOptions(
    @TemplateProperty(
            id = "displayValue",
            group = "options",
            label = "Display value",
            type = PropertyType.Dropdown,
            defaultValue = "false",
            tooltip = TableOptionTexts.DISPLAY_VALUE,
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {
                      "create",
                      "read",
                      "update",
                      "search",
                      "addWorkNote",
                      "addComment",
                      "orderCatalogItem"
                    }),
            choices = {
              @DropdownPropertyChoice(value = "false", label = "Stored values (false)"),
              @DropdownPropertyChoice(value = "true", label = "Display values (true)"),
              @DropdownPropertyChoice(value = "all", label = "Both (all)")
            })
        String displayValue,
    @TemplateProperty(
            id = "excludeReferenceLink",
            group = "options",
            label = "Exclude reference links",
            type = PropertyType.Boolean,
            defaultValue = "true",
            defaultValueType = DefaultValueType.Boolean,
            tooltip = TableOptionTexts.EXCLUDE_REFERENCE_LINK,
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {
                      "create",
                      "read",
                      "update",
                      "search",
                      "addWorkNote",
                      "addComment",
                      "orderCatalogItem"
                    }))
        Boolean excludeReferenceLink,
    @TemplateProperty(
            id = "fields",
            group = "options",
            label = "Fields",
            optional = true,
            tooltip = TableOptionTexts.FIELDS,
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {
                      "create",
                      "read",
                      "update",
                      "search",
                      "addWorkNote",
                      "addComment",
                      "orderCatalogItem"
                    }),
            constraints =
                @PropertyConstraints(
                    pattern =
                        @TemplateProperty.Pattern(
                            value = FieldPatterns.FIELD_LIST,
                            message = FieldPatterns.FIELD_LIST_MESSAGE)))
        String fields,
    @TemplateProperty(
            id = "inputDisplayValue",
            group = "options",
            label = "Input display value",
            type = PropertyType.Boolean,
            defaultValue = "false",
            defaultValueType = DefaultValueType.Boolean,
            tooltip = TableOptionTexts.INPUT_DISPLAY_VALUE,
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {"create", "update"}))
        Boolean inputDisplayValue) {

  ReturnOptions toReturnOptions() {
    return new ReturnOptions(displayValue, excludeReferenceLink, fields, inputDisplayValue);
  }
}
