package io.github.sncamunda.servicenow.attachment;

/** The result of Delete attachment; a missing attachment fails with error code "404" instead. */
public record DeletedAttachment(String sysId, boolean deleted) {}
