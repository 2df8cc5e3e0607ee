package io.github.sncamunda.servicenow.compat;

import io.github.sncamunda.servicenow.compat.SdkReferences.AnnotationUse;
import io.github.sncamunda.servicenow.compat.SdkReferences.MemberUse;
import io.github.sncamunda.servicenow.compat.SdkReferences.Origin;
import io.github.sncamunda.servicenow.compat.SdkReferences.OurType;
import io.github.sncamunda.servicenow.compat.SdkReferences.Use;
import io.github.sncamunda.servicenow.compat.SignatureList.MemberSig;
import io.github.sncamunda.servicenow.compat.SignatureList.TypeSig;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.Type;

/**
 * Checks our references against one line's signature list, the way the JVM would link them: a
 * member is looked up on the referenced owner and then up its supertypes (a type outside Camunda's
 * packages, such as {@code java.lang.RuntimeException}, is looked up in the running JDK), static
 * and interface access must still match, the supertypes we extend must keep their kind, and every
 * abstract method of a Camunda interface we implement must be implemented by us.
 */
final class SdkCompatibility {

  /** One finding; {@code origin} tells a runtime break from a template-generator source move. */
  record Problem(Origin origin, String text) implements Comparable<Problem> {
    @Override
    public int compareTo(Problem o) {
      return text.compareTo(o.text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final SignatureList list;
  private final List<Problem> problems = new ArrayList<>();

  private SdkCompatibility(SignatureList list) {
    this.list = list;
  }

  static List<Problem> check(SdkReferences refs, SignatureList list) {
    SdkCompatibility check = new SdkCompatibility(list);
    refs.types().values().forEach(check::type);
    refs.members().values().forEach(check::member);
    refs.annotations().values().forEach(check::annotation);
    refs.ourTypes().values().forEach(t -> check.supertypes(t, refs));
    return check.problems.stream().distinct().sorted().toList();
  }

  private void report(Origin origin, String text, Set<String> where) {
    problems.add(new Problem(origin, text + "  (used in " + shortWhere(where) + ")"));
  }

  private static String shortWhere(Set<String> where) {
    String first = where.iterator().next().replaceAll(".*/", "");
    return where.size() == 1 ? first : first + " and " + (where.size() - 1) + " more";
  }

  private static String dotted(String internal) {
    return internal.replace('/', '.');
  }

  private void type(Use use) {
    if (!list.types().containsKey(use.type())) {
      report(use.origin(), "missing type " + dotted(use.type()), use.where());
    }
  }

  private void member(MemberUse use) {
    TypeSig owner = list.types().get(use.owner());
    if (owner == null) {
      return; // reported as a missing type
    }
    String what = (use.method() ? "method " : "field ") + dotted(use.owner()) + "." + use.name();
    if (use.method()
        && use.interfaceOwner() != null
        && use.interfaceOwner() != owner.kind().isInterface()) {
      report(
          use.origin(),
          "changed kind "
              + dotted(use.owner())
              + ": called as "
              + (use.interfaceOwner() ? "an interface" : "a class")
              + ", now "
              + owner.kind().name().toLowerCase(),
          use.where());
    }
    Optional<Found> found = resolve(use.owner(), use);
    if (found.isEmpty()) {
      List<String> sameName = sameName(use.owner(), use);
      report(
          use.origin(),
          (sameName.isEmpty() ? "missing " : "changed ")
              + what
              + (use.descriptor() == null ? "" : use.descriptor())
              + (sameName.isEmpty() ? "" : ", now " + String.join(" | ", sameName)),
          use.where());
      return;
    }
    if (use.staticAccess() != null && use.staticAccess() != found.get().isStatic()) {
      report(
          use.origin(),
          "changed "
              + what
              + ": used as "
              + (use.staticAccess() ? "static" : "instance")
              + " member, now "
              + (found.get().isStatic() ? "static" : "instance"),
          use.where());
    }
  }

  /** Where a member was found, and whether it is static. */
  private record Found(String owner, boolean isStatic) {}

  private Optional<Found> resolve(String start, MemberUse use) {
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!seen.add(name) || name.equals("-")) {
        continue;
      }
      TypeSig type = list.types().get(name);
      if (type == null) {
        if (!name.startsWith(SdkReferences.CAMUNDA)) {
          Optional<Found> jdk = resolveOutside(name, use);
          if (jdk.isPresent()) {
            return jdk;
          }
        }
        continue;
      }
      for (MemberSig m : type.members().values()) {
        if (matches(m, use)) {
          return Optional.of(new Found(name, m.flags().contains("static")));
        }
      }
      todo.add(type.superName());
      todo.addAll(type.interfaces());
      if (type.kind().isInterface()) {
        todo.add("java/lang/Object");
      }
    }
    return Optional.empty();
  }

  private static boolean matches(MemberSig m, MemberUse use) {
    if (m.method() != use.method() || !m.name().equals(use.name())) {
      return false;
    }
    if (use.descriptor() == null) {
      return !use.method() || m.descriptor().startsWith("()"); // an empty array: type not known
    }
    return m.descriptor().equals(use.descriptor());
  }

  private List<String> sameName(String owner, MemberUse use) {
    TypeSig type = list.types().get(owner);
    return type.members().values().stream()
        .filter(m -> m.method() == use.method() && m.name().equals(use.name()))
        .map(MemberSig::descriptor)
        .toList();
  }

  /** A supertype outside Camunda's packages (the JDK, Jackson…), looked up in this JVM. */
  private static Optional<Found> resolveOutside(String internalName, MemberUse use) {
    Class<?> type;
    try {
      type = Class.forName(dotted(internalName), false, SdkCompatibility.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Optional<Member> hit = declared(c, use);
      if (hit.isPresent()) {
        return Optional.of(new Found(internalName, Modifier.isStatic(hit.get().getModifiers())));
      }
      if (use.name().equals("<init>")) {
        break; // constructors are not inherited
      }
    }
    return Optional.empty();
  }

  private static Optional<Member> declared(Class<?> c, MemberUse use) {
    Stream<Member> members =
        use.method()
            ? Stream.concat(
                Arrays.stream(c.getDeclaredMethods()), Arrays.stream(c.getDeclaredConstructors()))
            : Arrays.stream(c.getDeclaredFields());
    return members
        .filter(m -> (m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0)
        .filter(m -> name(m).equals(use.name()))
        .filter(m -> use.descriptor() == null || descriptor(m).equals(use.descriptor()))
        .findFirst();
  }

  private static String name(Member m) {
    return m instanceof java.lang.reflect.Constructor<?> ? "<init>" : m.getName();
  }

  private static String descriptor(Member m) {
    return switch (m) {
      case Method method -> Type.getMethodDescriptor(method);
      case java.lang.reflect.Constructor<?> ctor -> Type.getConstructorDescriptor(ctor);
      case Field field -> Type.getDescriptor(field.getType());
      default -> "";
    };
  }

  /** Every element the line's annotation requires (no default) must be set at every use. */
  private void annotation(AnnotationUse use) {
    TypeSig type = list.types().get(use.type());
    if (type == null) {
      return;
    }
    if (type.kind() != SignatureList.Kind.ANNOTATION) {
      report(
          use.origin(),
          "changed kind "
              + dotted(use.type())
              + ": used as an annotation, now "
              + type.kind().name().toLowerCase(),
          use.where());
      return;
    }
    for (String setAtOneUse : use.elementsSet()) {
      Set<String> set = new TreeSet<>(List.of(setAtOneUse.split(",")));
      type.members().values().stream()
          .filter(
              m -> m.method() && m.descriptor().startsWith("()") && !m.flags().contains("static"))
          .filter(m -> !m.flags().contains("default") && !set.contains(m.name()))
          .forEach(
              m ->
                  report(
                      use.origin(),
                      "required element " + dotted(use.type()) + "." + m.name() + " not set",
                      use.where()));
    }
  }

  /** Our classes keep their supertypes' kind, and implement every abstract Camunda method. */
  private void supertypes(OurType our, SdkReferences refs) {
    Set<String> where = Set.of(our.name());
    TypeSig sup = list.types().get(our.superName());
    if (sup != null && sup.kind().isInterface()) {
      report(
          Origin.RUNTIME,
          "changed kind "
              + dotted(sup.name())
              + ": extended as a class, now "
              + sup.kind().name().toLowerCase(),
          where);
    }
    for (String itf : our.interfaces()) {
      TypeSig t = list.types().get(itf);
      if (t != null && !t.kind().isInterface()) {
        report(
            Origin.RUNTIME,
            "changed kind "
                + dotted(itf)
                + ": implemented as an interface, now "
                + t.kind().name().toLowerCase(),
            where);
      }
    }
    if (!our.concrete()) {
      return;
    }
    Set<String> implemented = new HashSet<>();
    List<String> camundaSupertypes = new ArrayList<>();
    for (OurType t = our; t != null; t = refs.ourTypes().get(t.superName())) {
      implemented.addAll(t.methods());
      camundaSupertypes.addAll(t.interfaces());
      camundaSupertypes.add(t.superName());
    }
    Map<String, String> abstractMethods = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>(camundaSupertypes);
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      TypeSig t = list.types().get(todo.pop());
      if (t == null || !seen.add(t.name())) {
        continue;
      }
      for (MemberSig m : t.members().values()) {
        if (m.method() && m.flags().contains("abstract")) {
          abstractMethods.putIfAbsent(m.name() + m.descriptor(), t.name());
        } else if (m.method()) {
          implemented.add(m.name() + m.descriptor()); // a default or concrete method up the line
        }
      }
      todo.add(t.superName());
      todo.addAll(t.interfaces());
    }
    abstractMethods.forEach(
        (method, owner) -> {
          if (!implemented.contains(method)) {
            report(
                Origin.RUNTIME,
                "unimplemented abstract method " + dotted(owner) + "." + method,
                where);
          }
        });
  }
}
