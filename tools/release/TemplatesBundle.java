// Builds the element-templates download: every template under a templates directory (current,
// hybrid/ and versioned/) in one zip, each named after its template and its own version.
//
//   java -cp <jackson-databind and its dependencies> TemplatesBundle.java \
//        <templates-dir> <output.zip> <timestamp>
//
// Entry names: <name>-<version>.json, where <name> is the file name without .json (a file in
// versioned/ is already called <name>-<version>.json and keeps that name), and <version> is the
// template's own "version". Templates whose id ends with -hybrid go into hybrid/, so the top level
// can be copied into Modeler's element-templates folder as it is.
//
// Reproducible: entries sorted by name, every entry stamped with <timestamp> (ISO-8601 instant,
// the build's project.build.outputTimestamp, in UTC and, as zip times go, to the even second below),
// no directory entries, no extra fields. Fails on a
// file that is not a template, a versioned file whose name disagrees with its version, or two
// files that would land on the same entry.

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

public class TemplatesBundle {

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: TemplatesBundle <templates-dir> <output.zip> <timestamp>");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Path zip = Path.of(args[1]);
    LocalDateTime stamp = zipTime(Instant.parse(args[2]));
    try {
      Map<String, Path> entries = entries(dir);
      write(entries, zip, stamp);
      System.out.printf("%s: %d templates%n", zip, entries.size());
      entries.keySet().forEach(name -> System.out.println("  " + name));
    } catch (IllegalArgumentException e) {
      System.err.println("ERROR: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Zip entry times are in 2-second steps: the instant in UTC, rounded down to an even second. */
  static LocalDateTime zipTime(Instant instant) {
    LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).withNano(0);
    return utc.withSecond(utc.getSecond() - utc.getSecond() % 2);
  }

  static Map<String, Path> entries(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a directory");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no *.json templates in " + dir);
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Path> entries = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      String relative = dir.relativize(file).toString();
      JsonNode template;
      try {
        template = json.readTree(file.toFile());
      } catch (JsonProcessingException e) {
        problems.add(relative + ": not JSON (" + e.getOriginalMessage() + ")");
        continue;
      }
      JsonNode version = template == null ? null : template.get("version");
      JsonNode id = template == null ? null : template.get("id");
      if (version == null || !version.canConvertToExactIntegral() || version.asInt() < 1) {
        problems.add(relative + ": no positive integer \"version\"");
        continue;
      }
      if (id == null || !id.isTextual()) {
        problems.add(relative + ": no \"id\"");
        continue;
      }
      String name = file.getFileName().toString().replaceFirst("\\.json$", "");
      boolean versioned =
          file.getParent() != null
              && "versioned".equals(file.getParent().getFileName().toString());
      String suffix = "-" + version.asInt();
      if (versioned) {
        if (!name.endsWith(suffix)) {
          problems.add(
              relative + ": a versioned file must be named <name>" + suffix + ".json (its version)");
          continue;
        }
        name = name.substring(0, name.length() - suffix.length());
      }
      String entry = (id.asText().endsWith("-hybrid") ? "hybrid/" : "") + name + suffix + ".json";
      Path clash = entries.putIfAbsent(entry, file);
      if (clash != null) {
        problems.add(relative + " and " + dir.relativize(clash) + " both become " + entry);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot bundle the templates in " + dir + ":\n  " + String.join("\n  ", problems));
    }
    return entries;
  }

  static void write(Map<String, Path> entries, Path zip, LocalDateTime stamp) throws IOException {
    if (zip.getParent() != null) {
      Files.createDirectories(zip.getParent());
    }
    Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
    try (OutputStream file = Files.newOutputStream(partial);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Map.Entry<String, Path> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        // local date-time as stored in the zip, independent of the build machine's time zone
        entry.setTimeLocal(stamp);
        out.putNextEntry(entry);
        Files.copy(e.getValue(), out);
        out.closeEntry();
      }
    }
    Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
