package io.github.sncamunda.servicenow.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fault-only run ({@code -Dscale.only=faults}) renews what it measured in an existing report: the
 * section "Under faults" and the fault bullets of "The answers", leaving the capacity and ramp
 * figures (and the chart) of the full run they came from, and says so in the section.
 */
final class PartialReport {

  static final String FAULTS = "## Under faults";

  private PartialReport() {}

  /** {@code existing} with the fault parts taken from {@code fresh}, and {@code note} on top. */
  static String splice(String existing, String fresh, String note) {
    String out = replaceSection(existing, section(fresh, FAULTS), note);
    for (String bullet : ScaleReport.FAULT_ANSWERS) {
      String line = line(fresh, bullet);
      if (line != null && line(out, bullet) != null) {
        out = out.replace(line(out, bullet), line);
      }
    }
    return out;
  }

  /**
   * Sections measured by tests rather than by {@code -Pscale} (the inbound request rates); a full
   * run writes the report anew and must keep them.
   */
  static final List<String> MEASURED_ELSEWHERE = List.of("## Inbound: requests to ServiceNow");

  static final String LAST = "## How the numbers were taken";

  /** {@code fresh} with each section of {@link #MEASURED_ELSEWHERE} that {@code existing} has. */
  static String carryOver(String existing, String fresh) {
    String out = fresh;
    for (String heading : MEASURED_ELSEWHERE) {
      if (!existing.contains(heading) || out.contains(heading)) {
        continue;
      }
      String kept = section(existing, heading);
      int at = out.indexOf(LAST);
      out = at < 0 ? out + "\n" + kept : out.substring(0, at) + kept + out.substring(at);
    }
    return out;
  }

  static void write(Path report, String fresh, String note) throws IOException {
    String existing = Files.readString(report, StandardCharsets.UTF_8);
    Files.writeString(report, splice(existing, fresh, note), StandardCharsets.UTF_8);
  }

  private static String section(String text, String heading) {
    int from = text.indexOf(heading);
    if (from < 0) {
      throw new IllegalArgumentException("no section " + heading);
    }
    int to = text.indexOf("\n## ", from + heading.length());
    return text.substring(from, to < 0 ? text.length() : to + 1);
  }

  private static String replaceSection(String text, String section, String note) {
    String old = section(text, FAULTS);
    int headingEnd = section.indexOf("\n\n") + 2;
    String noted = section.substring(0, headingEnd) + note + "\n\n" + section.substring(headingEnd);
    return text.replace(old, noted);
  }

  private static String line(String text, String prefix) {
    int from = text.indexOf("\n" + prefix);
    if (from < 0) {
      return null;
    }
    int to = text.indexOf('\n', from + 1);
    return text.substring(from + 1, to < 0 ? text.length() : to);
  }
}
