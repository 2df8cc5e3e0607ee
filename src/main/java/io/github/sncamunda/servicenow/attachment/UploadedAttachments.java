package io.github.sncamunda.servicenow.attachment;

import java.util.List;

/** The result of Upload attachments: one entry per document, in order (skipped ones marked). */
public record UploadedAttachments(List<Attachment> attachments, int count) {}
