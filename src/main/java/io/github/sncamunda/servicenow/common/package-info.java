/**
 * What every other package may use and which uses none of them: the bundle's JSON, error codes, URL
 * rules, the safe quoting helper for messages, and a bounded memo for pure functions.
 */
package io.github.sncamunda.servicenow.common;
