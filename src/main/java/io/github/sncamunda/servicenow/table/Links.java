package io.github.sncamunda.servicenow.table;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the offset of ServiceNow's {@code Link: <…>;rel="next"} header. The link is never requested
 * as it stands (it could name any host): only its {@code sysparm_offset} is taken, and the next
 * page is asked for like the first.
 */
final class Links {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([A-Za-z]+)\"?");
  private static final Pattern OFFSET = Pattern.compile("[?&]sysparm_offset=(\\d{1,9})(?:&|$)");

  private Links() {}

  static OptionalInt nextOffset(String linkHeader) {
    if (linkHeader == null) {
      return OptionalInt.empty();
    }
    Matcher link = LINK.matcher(linkHeader);
    while (link.find()) {
      if (link.group(2).equalsIgnoreCase("next")) {
        Matcher offset = OFFSET.matcher(link.group(1));
        return offset.find()
            ? OptionalInt.of(Integer.parseInt(offset.group(1)))
            : OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }
}
