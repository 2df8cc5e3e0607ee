package io.github.sncamunda.servicenow.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The public and protected API of one Camunda line's SDK artifacts: types with their kind and
 * supertypes, methods and fields with their descriptors and the flags that decide how they link.
 * Member signatures only, no code: this is what is committed under {@code compat/signatures/}.
 *
 * <p>Text form, one entry per line, {@code #} starts a comment (the header names the tag, commit
 * and how the list was made):
 *
 * <pre>
 * type   io/camunda/x/Foo interface artifact=connector-core extends=java/lang/Object implements=a/B,c/D
 * method io/camunda/x/Foo bar(Ljava/lang/String;)V abstract
 * field  io/camunda/x/Foo NAME Ljava/lang/String; static
 * </pre>
 */
record SignatureList(List<String> header, Map<String, TypeSig> types) {

  enum Kind {
    CLASS,
    INTERFACE,
    ANNOTATION,
    ENUM;

    boolean isInterface() {
      return this == INTERFACE || this == ANNOTATION;
    }
  }

  /**
   * A member is keyed by name plus descriptor ({@code bar(I)V}, {@code NAME Ljava/lang/String;}).
   */
  record MemberSig(boolean method, String name, String descriptor, Set<String> flags) {
    String key() {
      return method ? name + descriptor : name + " " + descriptor;
    }
  }

  record TypeSig(
      String name,
      Kind kind,
      String artifact,
      String superName,
      List<String> interfaces,
      Map<String, MemberSig> members) {}

  /** Reads every public class of the given jars or class directories, keyed by artifact name. */
  static SignatureList fromClasses(List<String> header, Map<String, Path> artifacts) {
    Map<String, TypeSig> types = new TreeMap<>();
    artifacts.forEach(
        (artifact, location) -> {
          for (byte[] bytes : classFiles(location)) {
            TypeSig type = read(new ClassReader(bytes), artifact);
            if (type != null) {
              types.put(type.name(), type);
            }
          }
        });
    return new SignatureList(List.copyOf(header), types);
  }

  private static List<byte[]> classFiles(Path location) {
    List<byte[]> files = new ArrayList<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> walk = Files.walk(location)) {
          for (Path p : walk.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
            files.add(Files.readAllBytes(p));
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (var entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
            try (InputStream in = jar.getInputStream(entry)) {
              files.add(in.readAllBytes());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
    return files;
  }

  private static boolean visible(int access) {
    return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0
        && (access & Opcodes.ACC_SYNTHETIC) == 0;
  }

  /** Null for a type outside the API (package-private, module-info, package-info). */
  private static TypeSig read(ClassReader reader, String artifact) {
    Map<String, MemberSig> members = new TreeMap<>();
    TypeSig[] result = new TypeSig[1];
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public void visit(
              int version, int access, String name, String sig, String sup, String[] itfs) {
            if (!visible(access) || name.endsWith("module-info") || name.endsWith("package-info")) {
              return;
            }
            Kind kind =
                (access & Opcodes.ACC_ANNOTATION) != 0
                    ? Kind.ANNOTATION
                    : (access & Opcodes.ACC_INTERFACE) != 0
                        ? Kind.INTERFACE
                        : (access & Opcodes.ACC_ENUM) != 0 ? Kind.ENUM : Kind.CLASS;
            result[0] =
                new TypeSig(
                    name,
                    kind,
                    artifact,
                    sup == null ? "-" : sup,
                    itfs == null ? List.of() : List.of(itfs),
                    members);
          }

          @Override
          public FieldVisitor visitField(
              int access, String name, String desc, String sig, Object value) {
            if (visible(access)) {
              add(new MemberSig(false, name, desc, flags(access, false)));
            }
            return null;
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String desc, String sig, String[] exceptions) {
            if (!visible(access) || name.equals("<clinit>")) {
              return null;
            }
            Set<String> flags = flags(access, true);
            add(new MemberSig(true, name, desc, flags));
            // an annotation element with a default may be left out where the annotation is used
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public org.objectweb.asm.AnnotationVisitor visitAnnotationDefault() {
                flags.add("default");
                return null;
              }
            };
          }

          private void add(MemberSig member) {
            members.put(member.key(), member);
          }
        },
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return result[0];
  }

  private static Set<String> flags(int access, boolean method) {
    Set<String> flags = new TreeSet<>();
    if ((access & Opcodes.ACC_STATIC) != 0) {
      flags.add("static");
    }
    if (method && (access & Opcodes.ACC_ABSTRACT) != 0) {
      flags.add("abstract");
    }
    return flags;
  }

  /** The committed text form, sorted, so a regenerated list diffs line by line. */
  String text() {
    StringBuilder out = new StringBuilder();
    header.forEach(h -> out.append("# ").append(h).append('\n'));
    for (TypeSig t : types.values()) {
      out.append("type ")
          .append(t.name())
          .append(' ')
          .append(t.kind().name().toLowerCase())
          .append(" artifact=")
          .append(t.artifact())
          .append(" extends=")
          .append(t.superName())
          .append(" implements=")
          .append(t.interfaces().isEmpty() ? "-" : String.join(",", t.interfaces()))
          .append('\n');
      for (MemberSig m : t.members().values()) {
        out.append(m.method() ? "method " : "field ")
            .append(t.name())
            .append(' ')
            .append(m.method() ? m.name() + m.descriptor() : m.name() + " " + m.descriptor());
        m.flags().forEach(f -> out.append(' ').append(f));
        out.append('\n');
      }
    }
    return out.toString();
  }

  static SignatureList parse(String text) {
    List<String> header = new ArrayList<>();
    Map<String, TypeSig> types = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        header.add(line.substring(1).strip());
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split(" +");
      switch (f[0]) {
        case "type" -> {
          Map<String, String> attrs = new TreeMap<>();
          for (int i = 3; i < f.length; i++) {
            String[] kv = f[i].split("=", 2);
            attrs.put(kv[0], kv[1]);
          }
          String itfs = attrs.get("implements");
          types.put(
              f[1],
              new TypeSig(
                  f[1],
                  Kind.valueOf(f[2].toUpperCase()),
                  attrs.get("artifact"),
                  attrs.get("extends"),
                  itfs.equals("-") ? List.of() : List.of(itfs.split(",")),
                  new TreeMap<>()));
        }
        case "method" -> {
          int paren = f[2].indexOf('(');
          member(
              types,
              f[1],
              new MemberSig(true, f[2].substring(0, paren), f[2].substring(paren), rest(f, 3)));
        }
        case "field" -> member(types, f[1], new MemberSig(false, f[2], f[3], rest(f, 4)));
        default -> throw new IllegalArgumentException("not a signature line: " + line);
      }
    }
    return new SignatureList(header, types);
  }

  private static Set<String> rest(String[] f, int from) {
    return new TreeSet<>(Arrays.asList(f).subList(from, f.length));
  }

  private static void member(Map<String, TypeSig> types, String owner, MemberSig m) {
    TypeSig type = types.get(owner);
    if (type == null) {
      throw new IllegalArgumentException("member before its type: " + owner + " " + m.key());
    }
    type.members().put(m.key(), m);
  }

  static SignatureList load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
