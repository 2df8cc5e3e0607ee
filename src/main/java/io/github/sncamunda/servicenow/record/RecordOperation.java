package io.github.sncamunda.servicenow.record;

import static io.github.sncamunda.servicenow.record.RecordTexts.COUNT_MESSAGE;
import static io.github.sncamunda.servicenow.record.RecordTexts.COUNT_PATTERN;
import static io.github.sncamunda.servicenow.record.RecordTexts.JOURNAL_TEXT_TOOLTIP;
import static io.github.sncamunda.servicenow.record.RecordTexts.MEGABYTES_MESSAGE;
import static io.github.sncamunda.servicenow.record.RecordTexts.MEGABYTES_PATTERN;
import static io.github.sncamunda.servicenow.record.RecordTexts.OFFSET_MESSAGE;
import static io.github.sncamunda.servicenow.record.RecordTexts.OFFSET_PATTERN;
import static io.github.sncamunda.servicenow.record.RecordTexts.OPTIONAL_COUNT_PATTERN;
import static io.github.sncamunda.servicenow.record.RecordTexts.PAYLOAD_TOOLTIP;
import static io.github.sncamunda.servicenow.record.RecordTexts.SYS_ID_MESSAGE;
import static io.github.sncamunda.servicenow.record.RecordTexts.SYS_ID_PATTERN;
import static io.github.sncamunda.servicenow.record.RecordTexts.SYS_ID_TOOLTIP;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateDiscriminatorProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.Pattern;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import io.github.sncamunda.servicenow.common.FieldPatterns;
import java.util.List;

/**
 * What to do with records of the chosen table (process variable root {@code operation}). Every
 * field has its own template id (the generator refuses duplicates across subtypes) while bindings
 * stay {@code operation.<field>}, so switching the operation keeps shared values such as the Sys
 * ID.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.PROPERTY,
    property = "operation")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RecordOperation.Create.class, name = RecordOperation.Create.ID),
  @JsonSubTypes.Type(value = RecordOperation.Read.class, name = RecordOperation.Read.ID),
  @JsonSubTypes.Type(value = RecordOperation.Update.class, name = RecordOperation.Update.ID),
  @JsonSubTypes.Type(value = RecordOperation.Delete.class, name = RecordOperation.Delete.ID),
  @JsonSubTypes.Type(value = RecordOperation.Search.class, name = RecordOperation.Search.ID),
  @JsonSubTypes.Type(
      value = RecordOperation.AddWorkNote.class,
      name = RecordOperation.AddWorkNote.ID),
  @JsonSubTypes.Type(
      value = RecordOperation.AddComment.class,
      name = RecordOperation.AddComment.ID),
  @JsonSubTypes.Type(
      value = RecordOperation.ReadJournal.class,
      name = RecordOperation.ReadJournal.ID),
  @JsonSubTypes.Type(
      value = RecordOperation.OrderCatalogItem.class,
      name = RecordOperation.OrderCatalogItem.ID),
  @JsonSubTypes.Type(
      value = RecordOperation.UploadAttachments.class,
      name = RecordOperation.UploadAttachments.ID),
  @JsonSubTypes.Type(
      value = RecordOperation.ListAttachments.class,
      name = RecordOperation.ListAttachments.ID),
  @JsonSubTypes.Type(
      value = RecordOperation.DownloadAttachments.class,
      name = RecordOperation.DownloadAttachments.ID),
  @JsonSubTypes.Type(
      value = RecordOperation.DeleteAttachment.class,
      name = RecordOperation.DeleteAttachment.ID)
})
@TemplateDiscriminatorProperty(
    name = "operation",
    label = "Operation",
    group = "operation",
    defaultValue = RecordOperation.Create.ID,
    description = "What to do with records of the table")
public sealed interface RecordOperation {

  @TemplateSubType(id = Create.ID, label = "Create record")
  record Create(
      @TemplateProperty(
              id = "create.payload",
              group = "operation",
              label = "Payload",
              type = PropertyType.Text,
              feel = FeelMode.optional,
              tooltip = PAYLOAD_TOOLTIP,
              constraints = @PropertyConstraints(notEmpty = true))
          Object payload,
      @TemplateProperty(
              id = "create.correlationId",
              group = "operation",
              label = "Correlation ID",
              optional = true,
              tooltip =
                  "An id from your system, stored in the correlation field. If a record with it"
                      + " exists, that record is returned instead of creating a second one, so a"
                      + " retried job never creates twice.",
              constraints =
                  @PropertyConstraints(
                      pattern =
                          @Pattern(
                              value = FieldPatterns.CORRELATION_ID,
                              message = FieldPatterns.CORRELATION_ID_MESSAGE)))
          String correlationId,
      @TemplateProperty(
              id = "create.correlationField",
              group = "operation",
              label = "Correlation field",
              optional = true,
              defaultValue = "correlation_id",
              tooltip =
                  "The field the Correlation ID is stored in and looked up by. correlation_id"
                      + " exists on every task table (incident, change, catalog); a custom table"
                      + " may name its own.")
          String correlationField,
      @TemplateProperty(
              id = "create.unmarked",
              group = "operation",
              label = "Do not mark for a safe retry",
              type = PropertyType.Boolean,
              optional = true,
              tooltip =
                  "Without a Correlation ID, a create stores a key of this task's execution in the"
                      + " correlation field, so a retry after a lost answer finds the record"
                      + " instead of creating a second one. Check this to leave the correlation"
                      + " field as the payload sets it; a create whose answer is lost then stops in"
                      + " an incident.")
          Boolean unmarked)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "create";

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

  @TemplateSubType(id = Read.ID, label = "Read record")
  record Read(
      @TemplateProperty(
              id = "read.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = SYS_ID_TOOLTIP,
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String sysId)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "read";
  }

  @TemplateSubType(id = Update.ID, label = "Update record")
  record Update(
      @TemplateProperty(
              id = "update.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = SYS_ID_TOOLTIP,
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String sysId,
      @TemplateProperty(
              id = "update.payload",
              group = "operation",
              label = "Payload",
              type = PropertyType.Text,
              feel = FeelMode.optional,
              tooltip =
                  "Only the fields to change, e.g. {\"state\": \"-1\"}. Journal fields"
                      + " (work_notes, comments) append: use Add work note instead.",
              constraints = @PropertyConstraints(notEmpty = true))
          Object payload)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "update";

    @Override
    public String toString() {
      return "Update[sysId=" + sysId + ", payload=" + (payload == null ? null : "[…]") + "]";
    }
  }

  @TemplateSubType(id = Delete.ID, label = "Delete record")
  record Delete(
      @TemplateProperty(
              id = "delete.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = SYS_ID_TOOLTIP,
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String sysId)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "delete";
  }

  @TemplateSubType(id = Search.ID, label = "Search records")
  record Search(
      @TemplateProperty(
              id = "search.query",
              group = "operation",
              label = "Query",
              optional = true,
              tooltip =
                  "An encoded query, e.g. active=true^priority=1. Copy it from a list view's"
                      + " filter (right-click the breadcrumb > Copy query). Sent exactly as typed.",
              description =
                  "ServiceNow ignores query parts it does not understand and then matches every"
                      + " record")
          String query,
      @TemplateProperty(
              id = "search.orderBy",
              group = "operation",
              label = "Order by",
              optional = true,
              tooltip = "A field to sort by, e.g. sys_created_on.",
              constraints =
                  @PropertyConstraints(
                      pattern =
                          @Pattern(
                              value = FieldPatterns.FIELD_NAME,
                              message = FieldPatterns.FIELD_NAME_MESSAGE)))
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
              defaultValue = "100",
              tooltip =
                  "Records per request (sysparm_limit). With All pages, the page size; otherwise"
                      + " the most records returned; 10 when empty, as in the Incident Handler.",
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = OPTIONAL_COUNT_PATTERN, message = COUNT_MESSAGE)))
          Integer limit,
      @TemplateProperty(
              id = "search.offset",
              group = "operation",
              label = "Offset",
              type = PropertyType.String,
              defaultValue = "0",
              tooltip = "Records to skip (sysparm_offset); continue a search from its nextOffset.",
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = OFFSET_PATTERN, message = OFFSET_MESSAGE)))
          Integer offset,
      @TemplateProperty(
              id = "search.allPages",
              group = "operation",
              label = "All pages",
              type = PropertyType.Boolean,
              defaultValue = "false",
              defaultValueType = DefaultValueType.Boolean,
              tooltip =
                  "Follow ServiceNow's next-page links until Maximum records. A short page is not"
                      + " the end: ServiceNow applies the limit before access controls.")
          Boolean allPages,
      @TemplateProperty(
              id = "search.maxRecords",
              group = "operation",
              label = "Maximum records",
              type = PropertyType.String,
              defaultValue = "1000",
              tooltip =
                  "With All pages: stop after this many records; the result's truncated says"
                      + " whether more matched.",
              condition =
                  @TemplateProperty.PropertyCondition(
                      property = "operation.search.allPages",
                      equalsBoolean = TemplateProperty.EqualsBoolean.TRUE),
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = OPTIONAL_COUNT_PATTERN, message = COUNT_MESSAGE)))
          Integer maxRecords)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "search";
  }

  @TemplateSubType(id = AddWorkNote.ID, label = "Add work note")
  record AddWorkNote(
      @TemplateProperty(
              id = "addWorkNote.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = SYS_ID_TOOLTIP,
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String sysId,
      @TemplateProperty(
              id = "addWorkNote.text",
              group = "operation",
              label = "Work note",
              type = PropertyType.Text,
              feel = FeelMode.optional,
              tooltip = JOURNAL_TEXT_TOOLTIP + " Work notes are visible to fulfillers only.",
              constraints = @PropertyConstraints(notEmpty = true))
          String text)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "addWorkNote";

    @Override
    public String toString() {
      return "AddWorkNote[sysId=" + sysId + ", text=" + (text == null ? null : "[…]") + "]";
    }
  }

  @TemplateSubType(id = AddComment.ID, label = "Add comment")
  record AddComment(
      @TemplateProperty(
              id = "addComment.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = SYS_ID_TOOLTIP,
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String sysId,
      @TemplateProperty(
              id = "addComment.text",
              group = "operation",
              label = "Comment",
              type = PropertyType.Text,
              feel = FeelMode.optional,
              tooltip =
                  JOURNAL_TEXT_TOOLTIP
                      + " Comments (additional comments) are visible to the caller.",
              constraints = @PropertyConstraints(notEmpty = true))
          String text)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "addComment";

    @Override
    public String toString() {
      return "AddComment[sysId=" + sysId + ", text=" + (text == null ? null : "[…]") + "]";
    }
  }

  @TemplateSubType(id = ReadJournal.ID, label = "Read journal")
  record ReadJournal(
      @TemplateProperty(
              id = "readJournal.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = SYS_ID_TOOLTIP,
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String sysId,
      @TemplateProperty(
              id = "readJournal.journal",
              group = "operation",
              label = "Journal",
              type = PropertyType.Dropdown,
              defaultValue = "all",
              tooltip = "Which entries to read, newest first.",
              choices = {
                @DropdownPropertyChoice(value = "all", label = "Work notes and comments"),
                @DropdownPropertyChoice(value = "work_notes", label = "Work notes"),
                @DropdownPropertyChoice(value = "comments", label = "Comments")
              })
          String journal,
      @TemplateProperty(
              id = "readJournal.limit",
              group = "operation",
              label = "Limit",
              type = PropertyType.String,
              defaultValue = "50",
              tooltip = "The newest entries to return.",
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = COUNT_PATTERN, message = COUNT_MESSAGE)))
          Integer limit)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "readJournal";
  }

  @TemplateSubType(id = OrderCatalogItem.ID, label = "Order catalog item")
  record OrderCatalogItem(
      @TemplateProperty(
              id = "orderCatalogItem.itemSysId",
              group = "operation",
              label = "Catalog item Sys ID",
              tooltip =
                  "The sys_id of the catalog item (sc_cat_item) to order; open the item in"
                      + " Service Catalog > Maintain Items and copy its sys_id.",
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String itemSysId,
      @TemplateProperty(
              id = "orderCatalogItem.quantity",
              group = "operation",
              label = "Quantity",
              type = PropertyType.String,
              defaultValue = "1",
              tooltip = "How many to order.",
              constraints =
                  @PropertyConstraints(
                      pattern =
                          @Pattern(
                              value =
                                  "^(" + FieldPatterns.EMPTY_FIELD + "|=.*|[1-9][0-9]{0,2}|1000)$",
                              message =
                                  "must be a whole number from 1 to 1000, or a FEEL expression")))
          Integer quantity,
      @TemplateProperty(
              id = "orderCatalogItem.variables",
              group = "operation",
              label = "Variables",
              type = PropertyType.Text,
              feel = FeelMode.required,
              optional = true,
              tooltip =
                  "The item's catalog variables by name, e.g. {\"requested_for\": userSysId,"
                      + " \"justification\": \"New starter\"}.")
          Object variables)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "orderCatalogItem";

    @Override
    public String toString() {
      return "OrderCatalogItem[itemSysId=" + itemSysId + ", quantity=" + quantity + "]";
    }
  }

  @TemplateSubType(id = UploadAttachments.ID, label = "Upload attachments")
  record UploadAttachments(
      @TemplateProperty(
              id = "uploadAttachments.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = "The sys_id of the record to attach the documents to.",
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String sysId,
      @TemplateProperty(
              id = "uploadAttachments.documents",
              group = "operation",
              label = "Documents",
              feel = FeelMode.required,
              tooltip =
                  "One or more Camunda documents, e.g. =[report] or the documents a previous task"
                      + " or a form upload produced. Each is streamed, never held in memory.",
              constraints = @PropertyConstraints(notEmpty = true))
          List<Document> documents,
      @TemplateProperty(
              id = "uploadAttachments.fileName",
              group = "operation",
              label = "File name",
              optional = true,
              tooltip =
                  "Attach a single document under this name instead of its own; path parts and"
                      + " control characters are removed from any name.")
          String fileName,
      @TemplateProperty(
              id = "uploadAttachments.skipExisting",
              group = "operation",
              label = "Skip files already attached",
              type = PropertyType.Boolean,
              defaultValue = "true",
              defaultValueType = DefaultValueType.Boolean,
              tooltip =
                  "Do not attach a document when an attachment with the same name and size is"
                      + " already on the record, so a retried job does not attach twice.")
          Boolean skipExisting,
      @TemplateProperty(
              id = "uploadAttachments.maxSizeMb",
              group = "operation",
              label = "Maximum size (MB)",
              type = PropertyType.String,
              optional = true,
              tooltip =
                  "Refuse larger files; empty means the runtime's limit"
                      + " (SERVICENOW_MAX_ATTACHMENT_BYTES, 50 MB unless set), which this cannot"
                      + " exceed.",
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = MEGABYTES_PATTERN, message = MEGABYTES_MESSAGE)))
          Integer maxSizeMb)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "uploadAttachments";
  }

  @TemplateSubType(id = ListAttachments.ID, label = "List attachments")
  record ListAttachments(
      @TemplateProperty(
              id = "listAttachments.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = "The sys_id of the record whose attachments to list.",
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String sysId,
      @TemplateProperty(
              id = "listAttachments.limit",
              group = "operation",
              label = "Limit",
              type = PropertyType.String,
              defaultValue = "100",
              tooltip = "Attachments per request; with All pages, the page size.",
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = COUNT_PATTERN, message = COUNT_MESSAGE)))
          Integer limit,
      @TemplateProperty(
              id = "listAttachments.offset",
              group = "operation",
              label = "Offset",
              type = PropertyType.String,
              defaultValue = "0",
              tooltip = "Attachments to skip; continue a listing from its nextOffset.",
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = OFFSET_PATTERN, message = OFFSET_MESSAGE)))
          Integer offset,
      @TemplateProperty(
              id = "listAttachments.allPages",
              group = "operation",
              label = "All pages",
              type = PropertyType.Boolean,
              defaultValue = "false",
              defaultValueType = DefaultValueType.Boolean,
              tooltip = "Follow ServiceNow's next-page links until Maximum records.")
          Boolean allPages,
      @TemplateProperty(
              id = "listAttachments.maxRecords",
              group = "operation",
              label = "Maximum records",
              type = PropertyType.String,
              defaultValue = "1000",
              tooltip = "With All pages: stop after this many attachments.",
              condition =
                  @TemplateProperty.PropertyCondition(
                      property = "operation.listAttachments.allPages",
                      equalsBoolean = TemplateProperty.EqualsBoolean.TRUE),
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = OPTIONAL_COUNT_PATTERN, message = COUNT_MESSAGE)))
          Integer maxRecords)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "listAttachments";
  }

  @TemplateSubType(id = DownloadAttachments.ID, label = "Download attachments")
  record DownloadAttachments(
      @TemplateProperty(
              id = "downloadAttachments.source",
              group = "operation",
              label = "Download",
              type = PropertyType.Dropdown,
              defaultValue = "record",
              tooltip =
                  "All attachments of a record (optionally those whose name matches a pattern),"
                      + " or one attachment by its sys_id.",
              choices = {
                @DropdownPropertyChoice(value = "record", label = "Attachments of a record"),
                @DropdownPropertyChoice(value = "attachment", label = "One attachment")
              })
          String source,
      @TemplateProperty(
              id = "downloadAttachments.sysId",
              group = "operation",
              label = "Sys ID",
              tooltip = "The sys_id of the record whose attachments to download.",
              condition =
                  @TemplateProperty.PropertyCondition(
                      property = "operation.downloadAttachments.source",
                      equals = "record"),
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String sysId,
      @TemplateProperty(
              id = "downloadAttachments.fileNamePattern",
              group = "operation",
              label = "File name pattern",
              optional = true,
              tooltip =
                  "Only attachments whose name matches, e.g. *.log or screenshot-??.png (* any"
                      + " characters, ? one, case-insensitive); empty downloads all.",
              condition =
                  @TemplateProperty.PropertyCondition(
                      property = "operation.downloadAttachments.source",
                      equals = "record"))
          String fileNamePattern,
      @TemplateProperty(
              id = "downloadAttachments.maxFiles",
              group = "operation",
              label = "Maximum files",
              type = PropertyType.String,
              defaultValue = "20",
              tooltip = "Download at most this many attachments, oldest first.",
              condition =
                  @TemplateProperty.PropertyCondition(
                      property = "operation.downloadAttachments.source",
                      equals = "record"),
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = OPTIONAL_COUNT_PATTERN, message = COUNT_MESSAGE)))
          Integer maxFiles,
      @TemplateProperty(
              id = "downloadAttachments.attachmentSysId",
              group = "operation",
              label = "Attachment Sys ID",
              tooltip =
                  "The sys_id of the attachment (sys_attachment), e.g. from List attachments.",
              condition =
                  @TemplateProperty.PropertyCondition(
                      property = "operation.downloadAttachments.source",
                      equals = "attachment"),
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String attachmentSysId,
      @TemplateProperty(
              id = "downloadAttachments.maxSizeMb",
              group = "operation",
              label = "Maximum size (MB)",
              type = PropertyType.String,
              optional = true,
              tooltip =
                  "Refuse larger files; empty means the runtime's limit"
                      + " (SERVICENOW_MAX_ATTACHMENT_BYTES, 50 MB unless set), which this cannot"
                      + " exceed.",
              constraints =
                  @PropertyConstraints(
                      pattern = @Pattern(value = MEGABYTES_PATTERN, message = MEGABYTES_MESSAGE)))
          Integer maxSizeMb)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "downloadAttachments";
  }

  @TemplateSubType(id = DeleteAttachment.ID, label = "Delete attachment")
  record DeleteAttachment(
      @TemplateProperty(
              id = "deleteAttachment.attachmentSysId",
              group = "operation",
              label = "Attachment Sys ID",
              tooltip = "The sys_id of the attachment (sys_attachment) to delete.",
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern = @Pattern(value = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)))
          String attachmentSysId)
      implements RecordOperation {

    @TemplateProperty(ignore = true)
    public static final String ID = "deleteAttachment";
  }
}
