// Compares build outputs of two builds byte for byte.
//
//   java CompareArtifacts.java <dir-a> <dir-b> <file-name>...
//
// Prints one line per file (identical, or what differs) and exits 1 if any file is missing or
// differs. For zips and jars it names the entries that differ (content, time, order), which is
// what one needs to find the plugin that is not reproducible.

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

public class CompareArtifacts {

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: CompareArtifacts <dir-a> <dir-b> <file-name>...");
      System.exit(2);
    }
    Path a = Path.of(args[0]);
    Path b = Path.of(args[1]);
    int differing = 0;
    for (int i = 2; i < args.length; i++) {
      String name = args[i];
      Path fa = a.resolve(name);
      Path fb = b.resolve(name);
      if (!Files.isRegularFile(fa) || !Files.isRegularFile(fb)) {
        System.out.printf("MISSING   %s (%s: %s, %s: %s)%n", name, a, exists(fa), b, exists(fb));
        differing++;
        continue;
      }
      byte[] ba = Files.readAllBytes(fa);
      byte[] bb = Files.readAllBytes(fb);
      if (MessageDigest.isEqual(ba, bb)) {
        System.out.printf("identical %s  sha256 %s  %d bytes%n", name, sha256(ba), ba.length);
        continue;
      }
      differing++;
      System.out.printf("DIFFERENT %s  (%d vs %d bytes)%n", name, ba.length, bb.length);
      if (name.endsWith(".jar") || name.endsWith(".zip")) {
        explainZip(fa, fb).forEach(line -> System.out.println("    " + line));
      }
    }
    if (differing > 0) {
      System.out.printf("%d of %d files differ between the two builds%n", differing, args.length - 2);
      System.exit(1);
    }
  }

  private static String exists(Path p) {
    return Files.isRegularFile(p) ? "present" : "absent";
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static List<String> explainZip(Path a, Path b) throws IOException {
    Map<String, ZipEntry> ea = entries(a);
    Map<String, ZipEntry> eb = entries(b);
    List<String> lines = new ArrayList<>();
    if (!new ArrayList<>(ea.keySet()).equals(new ArrayList<>(eb.keySet()))
        && ea.keySet().equals(eb.keySet())) {
      lines.add("same entries in a different order");
    }
    for (String name : ea.keySet()) {
      ZipEntry x = ea.get(name);
      ZipEntry y = eb.get(name);
      if (y == null) {
        lines.add("only in the first: " + name);
      } else if (x.getCrc() != y.getCrc() || x.getSize() != y.getSize()) {
        lines.add("content differs: " + name);
      } else if (x.getTime() != y.getTime()) {
        lines.add("time differs: " + name + " (" + x.getTimeLocal() + " vs " + y.getTimeLocal() + ")");
      } else if (x.getMethod() != y.getMethod() || x.getCompressedSize() != y.getCompressedSize()) {
        lines.add("compression differs: " + name);
      }
    }
    eb.keySet().stream()
        .filter(name -> !ea.containsKey(name))
        .forEach(name -> lines.add("only in the second: " + name));
    if (lines.isEmpty()) {
      lines.add("entries agree; the difference is in zip metadata (comments, extra fields)");
    }
    return lines.size() > 40 ? lines.subList(0, 40) : lines;
  }

  private static Map<String, ZipEntry> entries(Path zip) throws IOException {
    Map<String, ZipEntry> entries = new LinkedHashMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      file.stream().forEach(e -> entries.put(e.getName(), e));
    }
    return entries;
  }
}
