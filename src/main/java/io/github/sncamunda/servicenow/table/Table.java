package io.github.sncamunda.servicenow.table;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.common.SafeText;
import java.util.regex.Pattern;

/**
 * A ServiceNow table, validated: lower-case letters, digits and underscores, starting with a letter
 * (scoped apps' {@code x_<vendor>_<app>_<table>} included), never a path. {@code noun} is how
 * messages name one of its records ("incident", "record").
 */
public record Table(String name, String noun) {

  public static final Table INCIDENT = new Table("incident", "incident");
  static final Table JOURNAL = new Table("sys_journal_field", "journal entry");
  static final Table REQUESTED_ITEM = new Table("sc_req_item", "requested item");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,79}");

  /**
   * A table name a user typed. {@code sys_} tables are accepted here because typing one is a
   * deliberate choice; a name that only arrives through the dropdown value is checked by {@link
   * #listed} instead.
   */
  public static Table typed(String name) {
    if (name == null || name.isBlank()) {
      throw new ConnectorInputException(
          "Table name is required: the name of a ServiceNow table, e.g. change_request or"
              + " x_acme_app_item");
    }
    if (!NAME.matcher(name).matches() || name.contains("__") || name.endsWith("_")) {
      throw new ConnectorInputException(
          "Table name must be a ServiceNow table name: lower-case letters, digits and single"
              + " underscores, starting with a letter, at most 80 characters (e.g."
              + " change_request, x_acme_app_item); got "
              + SafeText.quote(name));
    }
    return new Table(name, "record");
  }

  /**
   * A table chosen from the dropdown: must be one of {@code choices}; a {@code sys_} table other
   * than those listed is refused, so a FEEL expression cannot reach system tables by accident.
   */
  public static Table listed(String name, java.util.Collection<String> choices) {
    Table table = typed(name);
    if (!choices.contains(name)) {
      throw new ConnectorInputException(
          "Table "
              + SafeText.quote(name)
              + " is not in the list; choose Other and type the table name to use it");
    }
    return table;
  }

  @Override
  public String toString() {
    return name;
  }
}
