package io.github.sncamunda.servicenow.attachment;

import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.table.TableInputs;
import io.github.sncamunda.servicenow.table.TableSession;

/** {@code DELETE /api/now/attachment/{sys_id}}; a missing attachment fails with "404". */
public final class DeleteAttachment {

  private DeleteAttachment() {}

  public static DeletedAttachment execute(TableSession session, String attachmentSysId) {
    String id = TableInputs.sysId(attachmentSysId, AttachmentTable.ATTACHMENT);
    session.execute(AttachmentRequests.attachment(HttpMethod.DELETE, id).build());
    return new DeletedAttachment(id, true);
  }
}
