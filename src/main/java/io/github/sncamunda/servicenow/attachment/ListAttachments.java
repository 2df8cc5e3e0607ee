package io.github.sncamunda.servicenow.attachment;

import io.github.sncamunda.servicenow.table.Pages;
import io.github.sncamunda.servicenow.table.Table;
import io.github.sncamunda.servicenow.table.TableInputs;
import io.github.sncamunda.servicenow.table.TableSession;
import java.util.ArrayList;
import java.util.List;

/** The attachments of a record ({@code GET /api/now/attachment}), paged like Search. */
public final class ListAttachments {

  private ListAttachments() {}

  public static AttachmentPage execute(
      TableSession session,
      Table table,
      String sysId,
      Integer limit,
      Integer offset,
      boolean allPages,
      Integer maxRecords) {
    String record = TableInputs.sysId(sysId, table);
    int pageSize = TableInputs.limit(limit);
    int cap = allPages ? TableInputs.maxRecords(maxRecords) : pageSize;
    Pages.Collected collected =
        Pages.collect(
            session,
            (size, from) -> AttachmentRequests.list(table, record, null, size, from),
            pageSize,
            TableInputs.offset(offset),
            allPages,
            cap);
    List<Attachment> attachments = new ArrayList<>(collected.records().size());
    collected.records().forEach(node -> attachments.add(Attachment.of(node)));
    Integer next = collected.nextOffset();
    return new AttachmentPage(
        attachments, collected.total(), attachments.size(), next != null, next);
  }
}
