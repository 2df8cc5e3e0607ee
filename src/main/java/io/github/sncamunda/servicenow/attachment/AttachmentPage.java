package io.github.sncamunda.servicenow.attachment;

import java.util.List;

/**
 * The result of List attachments, paged like Search: the attachments, ServiceNow's total, how many
 * came back, whether more matched, and the offset to continue from.
 */
public record AttachmentPage(
    List<Attachment> attachments, Long total, int count, boolean truncated, Integer nextOffset) {}
