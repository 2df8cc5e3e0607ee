package io.github.sncamunda.servicenow.attachment;

import io.camunda.connector.api.document.Document;
import java.util.List;

/**
 * The result of Download attachments: Camunda documents (ServiceNow's file name and content type
 * kept), and the attachments they came from, in the same order; {@code truncated} when more
 * attachments matched than Maximum files allowed (or than the listing's cap).
 */
public record DownloadedAttachments(
    List<Document> documents, List<Attachment> attachments, int count, boolean truncated) {}
