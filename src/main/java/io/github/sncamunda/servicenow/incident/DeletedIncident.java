package io.github.sncamunda.servicenow.incident;

/** The result of Delete; a missing incident fails with error code "404" instead. */
public record DeletedIncident(String sysId, boolean deleted) {}
