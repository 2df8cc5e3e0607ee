package io.github.sncamunda.servicenow.inbound.changes;

import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.common.SafeText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * ServiceNow's stored date-time: {@code yyyy-MM-dd HH:mm:ss} in UTC (what the Table API answers
 * with display values off, and how a plain literal in an encoded query is read), one-second
 * resolution. Also the HTTP {@code Date} header, the only clock a poller trusts.
 */
public final class Stamp {

  private static final DateTimeFormatter STORED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Stamp() {}

  /** The instant as an encoded-query literal, cut to the second. */
  public static String format(Instant instant) {
    return STORED.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  /** A stored value of a record; anything else is an invalid answer, not a guess. */
  public static Instant parse(Object value, String field) {
    if (value instanceof String text) {
      try {
        return LocalDateTime.parse(text, STORED).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException notStored) {
        // fall through to the error
      }
    }
    throw new ConnectorException(
        ErrorCodes.INVALID_RESPONSE,
        "ServiceNow answered "
            + field
            + " as "
            + SafeText.quote(String.valueOf(value))
            + " instead of yyyy-MM-dd HH:mm:ss (UTC); the poller needs stored values"
            + " (sysparm_display_value=false)");
  }

  /** ServiceNow's clock from a response's {@code Date} header (RFC 1123). */
  public static Instant serverTime(String dateHeader) {
    if (dateHeader != null) {
      try {
        return ZonedDateTime.parse(dateHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
      } catch (DateTimeException notADate) {
        // fall through to the error
      }
    }
    throw new ConnectorException(
        ErrorCodes.INVALID_RESPONSE,
        "ServiceNow's answer carried no valid Date header ("
            + SafeText.quote(String.valueOf(dateHeader))
            + "); the poller takes the time from ServiceNow's clock only, never the runtime's");
  }
}
