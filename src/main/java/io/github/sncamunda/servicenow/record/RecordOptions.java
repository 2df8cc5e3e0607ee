package io.github.sncamunda.servicenow.record;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
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
            tooltip =
                "sysparm_display_value: stored values (e.g. a state's number and a reference's"
                    + " sys_id), display values (the labels users see), or both as {value,"
                    + " display_value}.",
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
            tooltip =
                "sysparm_exclude_reference_link: reference fields as plain sys_ids instead of"
                    + " {link, value} objects.",
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
            tooltip =
                "sysparm_fields: comma-separated fields to return, e.g. sys_id,number,state;"
                    + " empty returns all fields.",
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
        String fields,
    @TemplateProperty(
            id = "inputDisplayValue",
            group = "options",
            label = "Input display value",
            type = PropertyType.Boolean,
            defaultValue = "false",
            defaultValueType = DefaultValueType.Boolean,
            tooltip =
                "sysparm_input_display_value: read payload values as display values, e.g. a"
                    + " caller's name instead of its sys_id. Required to write encrypted fields.",
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {"create", "update"}))
        Boolean inputDisplayValue) {

  ReturnOptions toReturnOptions() {
    return new ReturnOptions(displayValue, excludeReferenceLink, fields, inputDisplayValue);
  }
}
