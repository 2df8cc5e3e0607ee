package io.github.sncamunda.servicenow.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Reads a shaded jar's bytecode and finds what would break or leak at runtime: a class our code
 * reaches (transitively, starting from our own classes) that neither the jar nor the runtime has —
 * the sign that a shade filter removed a class something still uses, or that an HttpClient upgrade
 * renamed a filtered class so its replacement is missing — and an unrelocated resource, which a
 * runtime library may carry too (whichever comes first on the class path would win, ours or
 * theirs).
 *
 * <p>Reachability is per class, not per method: a class we reach may name a missing class on a path
 * we never take (a default we always override). The caller lists such edges with its reason ({@link
 * Report#without}); a missing class no root reaches is reported apart, since the JVM resolves
 * references lazily and a class never loaded may name classes that are gone.
 */
final class ShadedJarCheck {

  /** A class named by {@code from} that neither the jar nor the runtime has. */
  record Edge(String from, String missing) {}

  private static final Comparator<Edge> BY_NAME =
      Comparator.comparing(Edge::missing).thenComparing(Edge::from);

  /**
   * What the scan found; {@link #ok()} when nothing reachable is missing and no resource sits
   * outside our package. Each reachable edge comes with the chain from one of our classes.
   */
  record Report(
      Map<Edge, List<String>> reachableMissing,
      Set<String> unreachableMissing,
      Set<String> unrelocatedResources,
      int classes,
      int reachable) {

    boolean ok() {
      return reachableMissing.isEmpty() && unrelocatedResources.isEmpty();
    }

    /** The report without the edges the caller has shown to be dead at runtime. */
    Report without(Set<Edge> dead) {
      Map<Edge, List<String>> left = new TreeMap<>(BY_NAME);
      left.putAll(reachableMissing);
      left.keySet().removeAll(dead);
      return new Report(left, unreachableMissing, unrelocatedResources, classes, reachable);
    }

    /** One line per problem, each missing class with the chain from our class that reaches it. */
    String describe() {
      StringBuilder text = new StringBuilder();
      reachableMissing.forEach(
          (edge, chain) ->
              text.append("missing class ")
                  .append(edge.missing())
                  .append(" reached by ")
                  .append(String.join(" -> ", chain))
                  .append('\n'));
      unrelocatedResources.forEach(
          r -> text.append("unrelocated resource: ").append(r).append('\n'));
      return text.toString();
    }
  }

  private final String rootPrefix;
  private final String excludedRootPrefix;
  private final Predicate<String> runtimeHas;
  private final Predicate<String> ownResource;

  /**
   * @param rootPrefix our classes (internal-name prefix), where reachability starts
   * @param excludedRootPrefix relocated third-party classes inside {@code rootPrefix}: not roots
   * @param runtimeHas whether the runtime (JDK and the libraries it provides) has a class file
   * @param ownResource whether a resource is the project's own (icons), not a shaded library's
   */
  ShadedJarCheck(
      String rootPrefix,
      String excludedRootPrefix,
      Predicate<String> runtimeHas,
      Predicate<String> ownResource) {
    this.rootPrefix = rootPrefix;
    this.excludedRootPrefix = excludedRootPrefix;
    this.runtimeHas = runtimeHas;
    this.ownResource = ownResource;
  }

  Report scan(InputStream jar) {
    Map<String, Set<String>> references = new HashMap<>();
    Set<String> resources = new TreeSet<>();
    try (JarInputStream in = new JarInputStream(jar)) {
      for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (!name.endsWith(".class")) {
          resources.add(name);
        } else if (!name.endsWith("module-info.class") && !name.startsWith("META-INF/")) {
          byte[] bytes = in.readAllBytes();
          references.put(new ClassReader(bytes).getClassName(), referencedTypes(bytes));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    // breadth first from our classes, so each chain is a shortest one
    Map<String, String> reachedFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    for (String name : references.keySet()) {
      if (name.startsWith(rootPrefix) && !name.startsWith(excludedRootPrefix)) {
        reachedFrom.put(name, null);
        queue.add(name);
      }
    }
    Map<Edge, List<String>> reachableMissing = new TreeMap<>(BY_NAME);
    while (!queue.isEmpty()) {
      String current = queue.poll();
      for (String target : references.get(current)) {
        if (references.containsKey(target)) {
          if (!reachedFrom.containsKey(target)) {
            reachedFrom.put(target, current);
            queue.add(target);
          }
        } else if (!runtimeHas.test(target + ".class")) {
          reachableMissing.put(new Edge(current, target), chain(current, reachedFrom));
        }
      }
    }
    Set<String> unreachableMissing = new TreeSet<>();
    references.forEach(
        (name, targets) -> {
          if (!reachedFrom.containsKey(name)) {
            for (String target : targets) {
              if (!references.containsKey(target) && !runtimeHas.test(target + ".class")) {
                unreachableMissing.add(target);
              }
            }
          }
        });
    // META-INF carries per-jar metadata (manifests, licences, service files the loader merges);
    // any other library resource outside our package may collide with the runtime's copy: the
    // runtime
    // carries more than our provided dependencies (its own HttpClient, for its REST connector)
    Set<String> unrelocated = new TreeSet<>();
    for (String resource : resources) {
      if (!resource.startsWith("META-INF/")
          && !resource.startsWith(rootPrefix)
          && !ownResource.test(resource)) {
        unrelocated.add(resource);
      }
    }
    return new Report(
        reachableMissing, unreachableMissing, unrelocated, references.size(), reachedFrom.size());
  }

  private static List<String> chain(String last, Map<String, String> reachedFrom) {
    List<String> chain = new ArrayList<>();
    for (String at = last; at != null; at = reachedFrom.get(at)) {
      chain.add(0, at);
    }
    return chain;
  }

  /**
   * Every class the class file names anywhere (supertypes, fields, descriptors, signatures,
   * instructions, constants, method handles, annotations): a remapper is asked to map each of them.
   */
  static Set<String> referencedTypes(byte[] classFile) {
    Set<String> types = new TreeSet<>();
    Remapper collector =
        new Remapper(Opcodes.ASM9) {
          @Override
          public String map(String internalName) {
            types.add(internalName);
            return internalName;
          }
        };
    // a writer, not an empty visitor: the remapper only descends into members its target visits
    new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), collector), 0);
    Set<String> classes = new TreeSet<>();
    for (String type : types) {
      String element = type.replaceFirst("^\\[+", "");
      if (element.startsWith("L") && element.endsWith(";")) {
        element = element.substring(1, element.length() - 1);
      }
      if (element.length() > 1) {
        classes.add(element);
      }
    }
    return classes;
  }
}
