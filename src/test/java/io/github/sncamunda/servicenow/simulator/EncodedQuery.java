package io.github.sncamunda.servicenow.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of ServiceNow encoded queries the simulator understands.
 *
 * <ul>
 *   <li>{@code ^} is AND ({@code ^^} is a literal {@code ^} in a value), {@code ^OR} ORs a
 *       condition with the previous one ({@code a^b^ORc} = a AND (b OR c)), {@code ^NQ} starts a
 *       new query ORed with the previous ones.
 *   <li>Operators: {@code = != LIKE NOT LIKE STARTSWITH ENDSWITH ISEMPTY ISNOTEMPTY IN NOT IN > >=
 *       < <=}. String comparisons ignore case, like ServiceNow on its default database collation;
 *       {@code > < >= <=} compare numerically when both sides are numbers, else as text (dates in
 *       {@code yyyy-MM-dd HH:mm:ss} order correctly as text).
 *   <li>{@code ORDERBY<field>} / {@code ORDERBYDESC<field>}, several allowed, as text.
 *   <li>Like ServiceNow (unless {@code glide.invalid_query.returns_no_rows=true}), a condition on
 *       an unknown field, a dot-walked field or an operator not listed above is <b>ignored</b>, so
 *       a query made only of invalid parts matches every record. {@link #ignored()} lists them.
 * </ul>
 */
final class EncodedQuery {

  private static final Pattern CONDITION =
      Pattern.compile(
          "([a-z0-9_.]+)(ISNOTEMPTY|ISEMPTY|NOT LIKE|NOT"
              + " IN|STARTSWITH|ENDSWITH|LIKE|IN|!=|>=|<=|=|>|<)(.*)",
          Pattern.DOTALL);

  /** OR of queries (^NQ), each an AND of OR-groups of conditions. */
  private final List<List<List<Predicate<Map<String, String>>>>> queries = new ArrayList<>();

  private final List<Comparator<Map<String, String>>> order = new ArrayList<>();
  private final List<String> ignored = new ArrayList<>();

  static EncodedQuery parse(String query, Set<String> knownFields) {
    EncodedQuery parsed = new EncodedQuery();
    List<List<Predicate<Map<String, String>>>> current = new ArrayList<>();
    parsed.queries.add(current);
    if (query == null || query.isBlank()) {
      return parsed;
    }
    for (String part : split(query)) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.startsWith("ORDERBYDESC")) {
        parsed.orderBy(part.substring(11), true, knownFields);
        continue;
      }
      if (part.startsWith("ORDERBY")) {
        parsed.orderBy(part.substring(7), false, knownFields);
        continue;
      }
      if (part.equals("EQ")) {
        continue;
      }
      boolean or = false;
      if (part.startsWith("NQ")) {
        current = new ArrayList<>();
        parsed.queries.add(current);
        part = part.substring(2);
      } else if (part.startsWith("OR")) {
        or = true;
        part = part.substring(2);
      }
      Predicate<Map<String, String>> condition = condition(part, knownFields);
      if (condition == null) {
        parsed.ignored.add(part);
        continue;
      }
      if (or && !current.isEmpty()) {
        current.get(current.size() - 1).add(condition);
      } else {
        List<Predicate<Map<String, String>>> group = new ArrayList<>();
        group.add(condition);
        current.add(group);
      }
    }
    parsed.queries.removeIf(q -> q.isEmpty() && parsed.queries.size() > 1);
    return parsed;
  }

  /** The parts between single {@code ^}; {@code ^^} is a literal {@code ^} inside a value. */
  private static List<String> split(String query) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c != '^') {
        part.append(c);
      } else if (i + 1 < query.length() && query.charAt(i + 1) == '^') {
        part.append('^');
        i++;
      } else {
        parts.add(part.toString());
        part.setLength(0);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  private void orderBy(String field, boolean descending, Set<String> knownFields) {
    if (!knownFields.contains(field)) {
      ignored.add((descending ? "ORDERBYDESC" : "ORDERBY") + field);
      return;
    }
    Comparator<Map<String, String>> c = Comparator.comparing(r -> r.getOrDefault(field, ""));
    order.add(descending ? c.reversed() : c);
  }

  private static Predicate<Map<String, String>> condition(String part, Set<String> knownFields) {
    Matcher m = CONDITION.matcher(part);
    if (!m.matches() || !knownFields.contains(m.group(1))) {
      return null;
    }
    String field = m.group(1);
    String value = m.group(3);
    String lower = value.toLowerCase(Locale.ROOT);
    return switch (m.group(2)) {
      case "=" -> r -> text(r, field).equalsIgnoreCase(value);
      case "!=" -> r -> !text(r, field).equalsIgnoreCase(value);
      case "LIKE" -> r -> lower(r, field).contains(lower);
      case "NOT LIKE" -> r -> !lower(r, field).contains(lower);
      case "STARTSWITH" -> r -> lower(r, field).startsWith(lower);
      case "ENDSWITH" -> r -> lower(r, field).endsWith(lower);
      case "ISEMPTY" -> r -> text(r, field).isEmpty();
      case "ISNOTEMPTY" -> r -> !text(r, field).isEmpty();
      case "IN" -> r -> in(text(r, field), value);
      case "NOT IN" -> r -> !in(text(r, field), value);
      case ">" -> r -> compare(text(r, field), value) > 0;
      case ">=" -> r -> compare(text(r, field), value) >= 0;
      case "<" -> r -> compare(text(r, field), value) < 0;
      case "<=" -> r -> compare(text(r, field), value) <= 0;
      default -> null;
    };
  }

  private static String text(Map<String, String> record, String field) {
    return record.getOrDefault(field, "");
  }

  private static String lower(Map<String, String> record, String field) {
    return text(record, field).toLowerCase(Locale.ROOT);
  }

  private static boolean in(String actual, String list) {
    for (String candidate : list.split(",")) {
      if (candidate.trim().equalsIgnoreCase(actual)) {
        return true;
      }
    }
    return false;
  }

  private static int compare(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException notNumbers) {
      return a.compareToIgnoreCase(b);
    }
  }

  boolean matches(Map<String, String> record) {
    for (List<List<Predicate<Map<String, String>>>> query : queries) {
      if (matchesAll(query, record)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAll(
      List<List<Predicate<Map<String, String>>>> query, Map<String, String> record) {
    for (List<Predicate<Map<String, String>>> group : query) {
      boolean any = false;
      for (Predicate<Map<String, String>> condition : group) {
        if (condition.test(record)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /** The matching records in query order (creation order when there is no ORDERBY). */
  List<Map<String, String>> select(List<Map<String, String>> records) {
    List<Map<String, String>> matching = new ArrayList<>();
    for (Map<String, String> record : records) {
      if (matches(record)) {
        matching.add(record);
      }
    }
    Comparator<Map<String, String>> order = comparator();
    if (order != null) {
      matching.sort(order);
    }
    return matching;
  }

  /** Null when the query has no (valid) ORDERBY: creation order then. */
  Comparator<Map<String, String>> comparator() {
    return order.stream().reduce(Comparator::thenComparing).orElse(null);
  }

  /** The parts that were ignored as invalid. */
  List<String> ignored() {
    return List.copyOf(ignored);
  }
}
