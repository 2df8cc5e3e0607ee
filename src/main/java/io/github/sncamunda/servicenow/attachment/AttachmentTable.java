package io.github.sncamunda.servicenow.attachment;

import io.github.sncamunda.servicenow.table.Table;

/** How messages name an attachment ({@code sys_attachment}). */
final class AttachmentTable {

  static final Table ATTACHMENT = new Table("sys_attachment", "attachment");

  private AttachmentTable() {}
}
