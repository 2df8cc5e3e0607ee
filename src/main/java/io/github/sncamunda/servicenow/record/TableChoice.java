package io.github.sncamunda.servicenow.record;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.github.sncamunda.servicenow.table.Table;
import java.util.List;

/**
 * Which table (process variable root {@code table}): one of the common ITSM tables, or "Other" with
 * a typed table name such as a scoped {@code x_acme_app_item}.
 */
public record TableChoice(
    @TemplateProperty(
            id = "table",
            group = "table",
            label = "Table",
            type = PropertyType.Dropdown,
            defaultValue = "incident",
            tooltip =
                "The ServiceNow table whose records this task works on. Choose Other for any"
                    + " other table, including custom and scoped (x_…) tables.",
            condition =
                @PropertyCondition(
                    property = "operation.operation",
                    oneOf = {
                      "create",
                      "read",
                      "update",
                      "delete",
                      "search",
                      "addWorkNote",
                      "addComment",
                      "readJournal",
                      "uploadAttachments",
                      "listAttachments",
                      "downloadAttachments"
                    }),
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

  @TemplateProperty(ignore = true)
  public static final String OTHER = "other";

  @TemplateProperty(ignore = true)
  static final List<String> LISTED =
      List.of(
          "incident",
          "problem",
          "change_request",
          "change_task",
          "sc_req_item",
          "sc_request",
          "sc_task",
          "cmdb_ci",
          "sys_user",
          "sys_user_group");

  /** The validated table, before anything is sent. */
  Table resolve() {
    return resolve(table, tableName);
  }

  /**
   * A dropdown value (one of the listed tables, or {@link #OTHER} with a typed name) as a validated
   * table; every template with this dropdown resolves it here.
   */
  public static Table resolve(String table, String tableName) {
    if (table == null || table.isBlank()) {
      throw new ConnectorInputException(
          "Table is required: one of "
              + String.join(", ", LISTED)
              + ", or other with a table name");
    }
    return table.equals(OTHER) ? Table.typed(tableName) : Table.listed(table, LISTED);
  }
}
