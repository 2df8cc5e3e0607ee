package io.github.sncamunda.servicenow.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;

/**
 * Every Camunda type, method, field and annotation element our compiled classes reference, read
 * from their bytecode: instructions, method handles, descriptors and generic signatures, supertypes
 * and annotations (on classes, members, record components and parameters).
 *
 * <p>A reference made inside an annotation of the template generator ({@link #GENERATOR_PACKAGE})
 * is a build-time reference: the generator reads it, the runtime never loads those annotation
 * classes (a missing annotation class is ignored by reflection). Everything else links at runtime.
 */
record SdkReferences(
    Map<String, Use> types,
    Map<String, MemberUse> members,
    Map<String, AnnotationUse> annotations,
    Map<String, OurType> ourTypes) {

  static final String CAMUNDA = "io/camunda/";
  static final String GENERATOR_PACKAGE = "io/camunda/connector/generator/";

  enum Origin {
    /** Links when the class runs: a missing or changed target breaks the connector at runtime. */
    RUNTIME,
    /** Read by the template generator at build time only. */
    GENERATOR
  }

  record Use(String type, Origin origin, Set<String> where) {}

  /**
   * {@code staticAccess}/{@code interfaceOwner} are null where the use site does not say (an
   * annotation element); {@code descriptor} is null for an annotation element set to an empty array
   * (its element type is not in the class file).
   */
  record MemberUse(
      String owner,
      boolean method,
      String name,
      String descriptor,
      Boolean staticAccess,
      Boolean interfaceOwner,
      Origin origin,
      Set<String> where) {}

  /** An annotation of a Camunda type and the elements set on it at one or more places. */
  record AnnotationUse(String type, Origin origin, Set<String> elementsSet, Set<String> where) {}

  /** One of our classes: what it extends and implements, and the methods it declares. */
  record OurType(
      String name,
      boolean concrete,
      String superName,
      List<String> interfaces,
      Set<String> methods) {}

  private static final Pattern TYPE_IN_SIGNATURE = Pattern.compile("L(io/camunda/[\\w/$]+)[;<.]");

  /**
   * Our main classes: the {@code classes} folder next to the test classes, so a build with another
   * build directory (the canary profile's) checks what it compiled.
   */
  static Path mainClasses() {
    try {
      Path testClasses =
          Path.of(SdkReferences.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.resolveSibling("classes");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static SdkReferences scan(Path classes) {
    SdkReferences refs =
        new SdkReferences(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new LinkedHashMap<>());
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        new ClassReader(Files.readAllBytes(file)).accept(refs.new Scanner(), 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return refs;
  }

  private void type(String internalName, Origin origin, String where) {
    if (internalName != null && internalName.startsWith(CAMUNDA)) {
      types
          .computeIfAbsent(internalName, t -> new Use(t, origin, new TreeSet<>()))
          .where()
          .add(where);
    }
  }

  /** Every Camunda type named in a descriptor or a generic signature. */
  private void typesIn(String descriptorOrSignature, Origin origin, String where) {
    if (descriptorOrSignature == null) {
      return;
    }
    Matcher m = TYPE_IN_SIGNATURE.matcher(descriptorOrSignature);
    while (m.find()) {
      type(m.group(1), origin, where);
    }
  }

  private void member(
      String owner,
      boolean method,
      String name,
      String desc,
      Boolean isStatic,
      Boolean itf,
      Origin origin,
      String where) {
    if (owner.startsWith("[")) {
      typesIn(owner, origin, where);
      return;
    }
    if (!owner.startsWith(CAMUNDA)) {
      typesIn(desc, origin, where);
      return;
    }
    type(owner, origin, where);
    typesIn(desc, origin, where);
    String key = owner + " " + name + (method ? "" : " ") + (desc == null ? "" : desc);
    members
        .computeIfAbsent(
            key,
            k -> new MemberUse(owner, method, name, desc, isStatic, itf, origin, new TreeSet<>()))
        .where()
        .add(where);
  }

  private void handle(Handle h, String where) {
    boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
    boolean isStatic =
        h.getTag() == Opcodes.H_GETSTATIC
            || h.getTag() == Opcodes.H_PUTSTATIC
            || h.getTag() == Opcodes.H_INVOKESTATIC;
    member(
        h.getOwner(),
        !field,
        h.getName(),
        h.getDesc(),
        isStatic,
        h.isInterface(),
        Origin.RUNTIME,
        where);
  }

  private void constant(Object value, String where) {
    switch (value) {
      case Type t -> typesIn(t.getDescriptor(), Origin.RUNTIME, where);
      case Handle h -> handle(h, where);
      default -> {}
    }
  }

  /**
   * A visitor for one annotation's values. Camunda's annotations are declaration annotations, so
   * type-use annotations (Jakarta's) are not visited.
   */
  private AnnotationVisitor annotation(String desc, String where) {
    String type = Type.getType(desc).getInternalName();
    return new Elements(
        type, type.startsWith(GENERATOR_PACKAGE) ? Origin.GENERATOR : Origin.RUNTIME, where);
  }

  private final class Scanner extends ClassVisitor {
    private String self;

    Scanner() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String sig, String sup, String[] itfs) {
      self = name;
      List<String> interfaces = itfs == null ? List.of() : List.of(itfs);
      boolean concrete = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0;
      ourTypes.put(name, new OurType(name, concrete, sup, interfaces, new TreeSet<>()));
      type(sup, Origin.RUNTIME, name);
      interfaces.forEach(i -> type(i, Origin.RUNTIME, name));
      typesIn(sig, Origin.RUNTIME, name);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
      return annotation(desc, self);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String desc, String sig) {
      typesIn(desc, Origin.RUNTIME, self);
      typesIn(sig, Origin.RUNTIME, self);
      return new RecordComponentVisitor(Opcodes.ASM9) {
        @Override
        public AnnotationVisitor visitAnnotation(String d, boolean visible) {
          return annotation(d, self + "." + name);
        }
      };
    }

    @Override
    public FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
      typesIn(desc, Origin.RUNTIME, self);
      typesIn(sig, Origin.RUNTIME, self);
      String where = self + "." + name;
      return new FieldVisitor(Opcodes.ASM9) {
        @Override
        public AnnotationVisitor visitAnnotation(String d, boolean visible) {
          return annotation(d, where);
        }
      };
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String desc, String sig, String[] exceptions) {
      ourTypes.get(self).methods().add(name + desc);
      String where = self + "." + name;
      typesIn(desc, Origin.RUNTIME, where);
      typesIn(sig, Origin.RUNTIME, where);
      if (exceptions != null) {
        for (String e : exceptions) {
          type(e, Origin.RUNTIME, where);
        }
      }
      return new Code(where);
    }
  }

  /** The values set on one annotation; nested annotations keep the outer one's origin. */
  private final class Elements extends AnnotationVisitor {
    private final String type;
    private final Origin origin;
    private final String where;
    private final Set<String> set = new TreeSet<>();

    Elements(String type, Origin origin, String where) {
      super(Opcodes.ASM9);
      this.type = type;
      this.origin = origin;
      this.where = where;
      SdkReferences.this.type(type, origin, where);
    }

    private void element(String name, String returnDescriptor) {
      set.add(name);
      member(
          type,
          true,
          name,
          returnDescriptor == null ? null : "()" + returnDescriptor,
          null,
          true,
          origin,
          where);
    }

    @Override
    public void visit(String name, Object value) {
      String desc = valueDescriptor(value);
      if (value instanceof Type t) {
        typesIn(t.getDescriptor(), origin, where);
      }
      element(name, desc);
    }

    @Override
    public void visitEnum(String name, String desc, String value) {
      enumConstant(desc, value);
      element(name, desc);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String name, String desc) {
      element(name, desc);
      return new Elements(Type.getType(desc).getInternalName(), origin, where);
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
      String[] elementDesc = {null};
      Elements outer = this;
      return new AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public void visit(String n, Object value) {
          elementDesc[0] = valueDescriptor(value);
          if (value instanceof Type t) {
            typesIn(t.getDescriptor(), origin, where);
          }
        }

        @Override
        public void visitEnum(String n, String desc, String value) {
          elementDesc[0] = desc;
          enumConstant(desc, value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String n, String desc) {
          elementDesc[0] = desc;
          return new Elements(Type.getType(desc).getInternalName(), origin, where);
        }

        @Override
        public void visitEnd() {
          outer.element(name, elementDesc[0] == null ? null : "[" + elementDesc[0]);
        }
      };
    }

    private void enumConstant(String desc, String value) {
      member(Type.getType(desc).getInternalName(), false, value, desc, true, null, origin, where);
    }

    @Override
    public void visitEnd() {
      if (type.startsWith(CAMUNDA)) {
        annotations
            .computeIfAbsent(
                type, t -> new AnnotationUse(t, origin, new TreeSet<>(), new TreeSet<>()))
            .where()
            .add(where);
        // elements always set at every use; kept per use so a required element is checked per use
        annotations.get(type).elementsSet().add(String.join(",", set));
      }
    }
  }

  private static String valueDescriptor(Object value) {
    return switch (value) {
      case String s -> "Ljava/lang/String;";
      case Integer i -> "I";
      case Long l -> "J";
      case Boolean b -> "Z";
      case Double d -> "D";
      case Float f -> "F";
      case Short s -> "S";
      case Byte b -> "B";
      case Character c -> "C";
      case Type t -> "Ljava/lang/Class;";
      // a primitive array (int[], boolean[]…) is passed whole
      default ->
          value.getClass().isArray()
              ? "[" + Type.getDescriptor(value.getClass().componentType())
              : null;
    };
  }

  private final class Code extends MethodVisitor {
    private final String where;

    Code(String where) {
      super(Opcodes.ASM9);
      this.where = where;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
      return annotation(desc, where);
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String desc, boolean visible) {
      return annotation(desc, where);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      typesIn(type.startsWith("[") ? type : "L" + type + ";", Origin.RUNTIME, where);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String desc) {
      boolean isStatic = opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC;
      member(owner, false, name, desc, isStatic, null, Origin.RUNTIME, where);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
      member(owner, true, name, desc, opcode == Opcodes.INVOKESTATIC, itf, Origin.RUNTIME, where);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
      typesIn(desc, Origin.RUNTIME, where);
      handle(bsm, where);
      for (Object arg : args) {
        constant(arg, where);
      }
    }

    @Override
    public void visitLdcInsn(Object value) {
      constant(value, where);
    }

    @Override
    public void visitMultiANewArrayInsn(String desc, int dims) {
      typesIn(desc, Origin.RUNTIME, where);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      type(type, Origin.RUNTIME, where);
    }

    @Override
    public void visitLocalVariable(
        String name, String desc, String sig, Label start, Label end, int index) {
      typesIn(desc, Origin.RUNTIME, where);
      typesIn(sig, Origin.RUNTIME, where);
    }
  }
}
