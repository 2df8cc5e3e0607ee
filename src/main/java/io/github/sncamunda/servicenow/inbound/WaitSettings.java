package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;

/** Which record a waiting instance waits for, and until when (properties {@code waitFor.*}). */
public record WaitSettings(
    @TemplateProperty(
            group = "wait",
            label = "Record Sys ID",
            feel = FeelMode.required,
            tooltip =
                "The sys_id of the record to wait for, as a FEEL expression over the process"
                    + " variables, e.g. =changeRequest.sys_id for the change the process created.",
            constraints = @PropertyConstraints(notEmpty = true))
        String recordId,
    @TemplateProperty(
            group = "wait",
            label = "Condition (encoded query)",
            type = PropertyType.Text,
            optional = true,
            tooltip =
                "The record must match this encoded query, checked by ServiceNow, e.g."
                    + " approval=approved or state=3^ORstate=4. Empty: any state (then use the"
                    + " activation condition). Use ^OR, not ^NQ.")
        String condition,
    @TemplateProperty(
            group = "wait",
            label = "Fields",
            optional = true,
            tooltip =
                "The columns the process gets, separated by commas, e.g."
                    + " number,approval,state. Empty: every column.")
        String fields,
    @TemplateProperty(
            group = "schedule",
            label = "Polling interval",
            defaultValue = "PT30S",
            tooltip =
                "How often the waiting records are checked (ISO-8601, e.g. PT30S): one request per"
                    + " page of waiting instances per interval, however many wait.",
            constraints =
                @PropertyConstraints(
                    notEmpty = true,
                    pattern =
                        @TemplateProperty.Pattern(
                            value = Durations.PATTERN,
                            message = Durations.PATTERN_MESSAGE)))
        String pollingInterval,
    @TemplateProperty(
            group = "schedule",
            label = "Page size",
            optional = true,
            tooltip =
                "Waiting records checked per request (1–1000; 100 when empty), fewer when their"
                    + " sys_ids would make the URL too long.")
        String pageSize) {}
