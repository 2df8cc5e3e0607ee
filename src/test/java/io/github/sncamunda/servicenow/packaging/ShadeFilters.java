package io.github.sncamunda.servicenow.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shade plugin's exclusions of HttpClient classes, read from pom.xml, so the packaging tests
 * that check what the jar leaves out use the same list as the build instead of a copy of it.
 */
final class ShadeFilters {

  private ShadeFilters() {}

  /** The {@code <exclude>} patterns under {@code org/apache/hc/client5/}, in pom order. */
  static List<String> httpClientExcludes() {
    try {
      Matcher excludes =
          Pattern.compile("<exclude>(org/apache/hc/client5/[^<]+)</exclude>")
              .matcher(Files.readString(Path.of("pom.xml")));
      List<String> patterns = new ArrayList<>();
      while (excludes.find()) {
        patterns.add(excludes.group(1));
      }
      return patterns;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a relocated class name (under {@code shadedPrefix + "hc/"}) is one they exclude. */
  static Predicate<String> excludedRelocated(String shadedPrefix) {
    List<Pattern> relocated =
        httpClientExcludes().stream()
            .map(p -> glob(shadedPrefix + "hc/" + p.substring("org/apache/hc/".length())))
            .toList();
    return name -> relocated.stream().anyMatch(p -> p.matcher(name).matches());
  }

  /** Ant-style glob: {@code **} any path, {@code *} within one path segment. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
