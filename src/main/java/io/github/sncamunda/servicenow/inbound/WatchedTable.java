package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.github.sncamunda.servicenow.record.TableChoice;
import io.github.sncamunda.servicenow.table.Table;

/**
 * The watched table: the Record Handler's dropdown and Other (resolved by {@link
 * TableChoice#resolve(String, String)}), without its operation condition, since every inbound
 * element watches a table. {@code templates.TemplateTablesTest} keeps the two dropdowns equal.
 */
public record WatchedTable(
    @TemplateProperty(
            id = "table",
            group = "table",
            label = "Table",
            type = PropertyType.Dropdown,
            defaultValue = "incident",
            tooltip =
                "The ServiceNow table whose records are watched. Choose Other for any other table,"
                    + " including custom and scoped (x_…) tables.",
            choices = {
              @DropdownPropertyChoice(value = "incident", label = "Incident"),
              @DropdownPropertyChoice(value = "problem", label = "Problem"),
              @DropdownPropertyChoice(value = "change_request", label = "Change request"),
              @DropdownPropertyChoice(value = "change_task", label = "Change task"),
              @DropdownPropertyChoice(value = "sc_req_item", label = "Requested item"),
              @DropdownPropertyChoice(value = "sc_request", label = "Request"),
              @DropdownPropertyChoice(value = "sc_task", label = "Catalog task"),
              @DropdownPropertyChoice(value = "cmdb_ci", label = "Configuration item"),
              @DropdownPropertyChoice(value = "sys_user", label = "User"),
              @DropdownPropertyChoice(value = "sys_user_group", label = "Group"),
              @DropdownPropertyChoice(value = TableChoice.OTHER, label = "Other")
            })
        String table,
    @TemplateProperty(
            id = "tableName",
            group = "table",
            label = "Table name",
            tooltip =
                "The table's name as ServiceNow spells it (System Definition > Tables), e.g."
                    + " change_request, u_vendor_contract or x_acme_app_item.",
            condition = @PropertyCondition(property = "table.table", equals = TableChoice.OTHER),
            constraints =
                @PropertyConstraints(
                    notEmpty = true,
                    pattern =
                        @TemplateProperty.Pattern(
                            value = "^(=.*|[a-z][a-z0-9_]{0,79})$",
                            message =
                                "must be lower-case letters, digits and underscores, starting with"
                                    + " a letter, e.g. x_acme_app_item")))
        String tableName) {

  Table resolve() {
    return TableChoice.resolve(table, tableName);
  }
}
