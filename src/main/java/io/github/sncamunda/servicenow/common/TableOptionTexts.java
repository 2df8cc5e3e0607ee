package io.github.sncamunda.servicenow.common;

/** Hover help of the table options, which the Incident and the Record Handler both declare. */
public final class TableOptionTexts {

  public static final String DISPLAY_VALUE =
      "sysparm_display_value: stored values (e.g. a state's number and a reference's sys_id),"
          + " display values (the labels users see), or both as {value, display_value}.";

  public static final String EXCLUDE_REFERENCE_LINK =
      "sysparm_exclude_reference_link: reference fields as plain sys_ids instead of {link, value}"
          + " objects.";

  public static final String FIELDS =
      "sysparm_fields: comma-separated fields to return, e.g. sys_id,number,state; empty returns"
          + " all fields.";

  public static final String INPUT_DISPLAY_VALUE =
      "sysparm_input_display_value: read payload values as display values, e.g. a caller's name"
          + " instead of its sys_id. Required to write encrypted fields.";

  private TableOptionTexts() {}
}
