package io.github.sncamunda.servicenow.scale;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the connector's INFO line about a look before repeating a write ("POST
 * /api/now/table/incident: the answer was lost; looked and found …") as "task result", e.g. "create
 * found", "note sent again", "create cannot tell"; null for any other line.
 */
final class LookLine {

  private static final Pattern LINE =
      Pattern.compile(
          "(POST|PATCH) (/\\S*): the answer was lost; looked (and found|and did not find|for)"
              + ".*?(: sent again|: the job sends it again|cannot tell)?$");

  private LookLine() {}

  static String of(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.find()) {
      return null;
    }
    String path = m.group(2);
    String task;
    if (path.equals(Step.INCIDENTS)) {
      task = Step.CREATE.name();
    } else if (path.startsWith(Step.INCIDENTS + "/")) {
      task = Step.NOTE.name();
    } else {
      task = Step.FLOW.name();
    }
    String result =
        switch (m.group(3)) {
          case "and found" -> "found";
          case "and did not find" ->
              ": sent again".equals(m.group(4)) ? "sent again" : "sent again by the job";
          default -> "cannot tell";
        };
    return task.toLowerCase(Locale.ROOT) + " " + result;
  }
}
