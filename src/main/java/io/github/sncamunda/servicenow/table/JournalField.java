package io.github.sncamunda.servicenow.table;

/** The journal fields of task tables: appended to, never overwritten. */
public enum JournalField {
  WORK_NOTES("work_notes", "Work note"),
  COMMENTS("comments", "Comment");

  private final String field;
  private final String label;

  JournalField(String field, String label) {
    this.field = field;
    this.label = label;
  }

  public String field() {
    return field;
  }

  public String label() {
    return label;
  }
}
