package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;

/** What the Record Watcher reports and how often it asks (properties {@code watch.*}). */
public record WatchSettings(
    @TemplateProperty(
            group = "watch",
            label = "Filter (encoded query)",
            type = PropertyType.Text,
            optional = true,
            tooltip =
                "Only records matching this encoded query start a process, e.g. priority=1 or"
                    + " active=true^assignment_group=287ebd7da9fe198100f92cc8d1d2154e. Copy it from"
                    + " a list view (right-click the breadcrumb > Copy query). Use ^OR, not ^NQ,"
                    + " and no ORDERBY: the watcher adds its own conditions and order.")
        String filter,
    @TemplateProperty(
            group = "watch",
            label = "Changes",
            type = PropertyType.Dropdown,
            defaultValue = "any",
            tooltip =
                "Any change: one process per insert and per update (message ID"
                    + " table:sys_id:sys_mod_count). Created only: one process per new record"
                    + " (message ID table:sys_id:created).",
            choices = {
              @DropdownPropertyChoice(value = "any", label = "Any change (created or updated)"),
              @DropdownPropertyChoice(value = "created", label = "Created only")
            })
        String changes,
    @TemplateProperty(
            group = "watch",
            label = "Fields",
            optional = true,
            tooltip =
                "The columns the process gets, separated by commas, e.g."
                    + " number,short_description,priority,caller_id. Empty: every column."
                    + " sys_id, sys_updated_on and sys_mod_count are always included.")
        String fields,
    @TemplateProperty(
            group = "watch",
            label = "Start from",
            type = PropertyType.Dropdown,
            defaultValue = "now",
            tooltip =
                "Now: only changes made after the watcher started. Catch up: also changes made"
                    + " during the catch-up period before it started (after a deployment or an"
                    + " outage of every runtime); changes already published are not published"
                    + " twice while their message TTL lasts.",
            choices = {
              @DropdownPropertyChoice(value = "now", label = "Now"),
              @DropdownPropertyChoice(value = "catchUp", label = "Catch up")
            })
        String startFrom,
    @TemplateProperty(
            group = "watch",
            label = "Catch-up period",
            defaultValue = "PT30M",
            tooltip =
                "How far back the first poll reads (ISO-8601, e.g. PT30M). It must be shorter than"
                    + " the message TTL minus two polling intervals.",
            condition = @PropertyCondition(property = "watch.startFrom", equals = "catchUp"),
            constraints =
                @PropertyConstraints(
                    notEmpty = true,
                    pattern =
                        @TemplateProperty.Pattern(
                            value = Durations.PATTERN,
                            message = Durations.PATTERN_MESSAGE)))
        String catchUp,
    @TemplateProperty(
            group = "schedule",
            label = "Polling interval",
            defaultValue = "PT30S",
            tooltip =
                "How often ServiceNow is asked for changes (ISO-8601, e.g. PT30S). Every runtime"
                    + " replica polls: requests per hour = replicas × 3600 / interval (more when a"
                    + " poll spans several pages).",
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
            label = "Re-read window",
            defaultValue = "PT5M",
            tooltip =
                "How far each poll reads back before the previous one started, on ServiceNow's"
                    + " clock: covers transactions that commit after a later change was visible."
                    + " The message TTL must exceed the longer of this and the catch-up period plus"
                    + " two polling intervals.",
            constraints =
                @PropertyConstraints(
                    notEmpty = true,
                    pattern =
                        @TemplateProperty.Pattern(
                            value = Durations.PATTERN,
                            message = Durations.PATTERN_MESSAGE)))
        String window,
    @TemplateProperty(
            group = "schedule",
            label = "Page size",
            optional = true,
            tooltip =
                "Records per request (1–1000; 100 when empty). A poll with more changes reads"
                    + " several pages, keyed by sys_updated_on and sys_id.")
        String pageSize) {}
