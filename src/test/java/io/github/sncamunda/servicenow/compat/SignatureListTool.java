package io.github.sncamunda.servicenow.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one line's signature list from SDK jars or class directories; run by {@code
 * tools/compat/signatures.sh} (see docs/upgrading-camunda.md).
 *
 * <pre>
 * SignatureListTool OUT_FILE [--header TEXT]... ARTIFACT=JAR_OR_CLASS_DIR...
 * </pre>
 */
public final class SignatureListTool {

  private SignatureListTool() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: SignatureListTool OUT_FILE [--header TEXT]... ARTIFACT=JAR_OR_CLASS_DIR...");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    List<String> header = new ArrayList<>();
    Map<String, Path> artifacts = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--header") && i + 1 < args.length) {
        header.add(args[++i]);
      } else if (args[i].contains("=")) {
        String[] kv = args[i].split("=", 2);
        if (!Files.exists(Path.of(kv[1]))) {
          System.err.println("not found: " + kv[1]);
          System.exit(2);
        }
        artifacts.put(kv[0], Path.of(kv[1]));
      } else {
        System.err.println("not ARTIFACT=PATH: " + args[i]);
        System.exit(2);
      }
    }
    SignatureList list = SignatureList.fromClasses(header, artifacts);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, list.text());
    System.out.println(out + ": " + list.types().size() + " types");
  }
}
