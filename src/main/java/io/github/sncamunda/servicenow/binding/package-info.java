/**
 * The glue to the connector SDK's variable binding: turns Jackson's binding failures into input
 * errors that name the field (never its value), so a wrong input fails the job without retries.
 */
package io.github.sncamunda.servicenow.binding;
