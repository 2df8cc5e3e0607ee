package io.github.sncamunda.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Virtual threads (the 8.9 runtime runs outbound jobs on them): on JDK 21 a virtual thread that
 * blocks inside a {@code synchronized} region, or waits to enter one, holds its carrier thread. So
 * in the client and the token cache, where calls block on the network, a {@code synchronized}
 * method or block may call nothing at all — only read and write fields (a counter); anything that
 * can block takes a {@code ReentrantLock}, which parks the virtual thread and frees the carrier.
 * Read from the compiled classes, so it holds for every path, not only the ones a test runs.
 */
class MonitorsCallNothingTest {

  record Region(String where, int calls, List<String> called) {}

  @Test
  void noMonitorInTheClientOrTheTokenCacheCallsAnything() throws IOException {
    List<Region> regions = new ArrayList<>();
    for (String pkg : List.of("client", "auth")) {
      try (Stream<Path> classes =
          Files.walk(Path.of("target/classes/io/github/sncamunda/servicenow", pkg))) {
        classes.filter(p -> p.toString().endsWith(".class")).forEach(p -> regions.addAll(scan(p)));
      }
    }
    // the route counters are the only monitors left; the scan does see them
    assertThat(regions).extracting(Region::where).contains("Routes$Route.enter");
    assertThat(regions)
        .as("synchronized regions that call something (use a ReentrantLock)")
        .allSatisfy(r -> assertThat(r.called()).as(r.where()).isEmpty());
  }

  @Test
  void aMonitorAroundACallIsFound() {
    List<Region> regions =
        scan(
            Path.of(
                "target/test-classes/" + Blocking.class.getName().replace('.', '/') + ".class"));
    assertThat(regions)
        .extracting(Region::where, Region::called)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "MonitorsCallNothingTest$Blocking.block", List.of("java/lang/Thread.sleep")),
            org.assertj.core.groups.Tuple.tuple(
                "MonitorsCallNothingTest$Blocking.whole", List.of("java/lang/Object.wait")),
            org.assertj.core.groups.Tuple.tuple(
                "MonitorsCallNothingTest$Blocking.count", List.of()));
  }

  /** What the scan must flag: a sleep inside a block, a wait in a synchronized method. */
  static final class Blocking {
    private int counter;

    void block() throws InterruptedException {
      synchronized (this) {
        Thread.sleep(1);
      }
    }

    synchronized void whole() throws InterruptedException {
      wait(1);
    }

    void count() {
      synchronized (this) {
        counter++;
      }
    }
  }

  /** Each synchronized method and block of one class file, with the calls made inside it. */
  private static List<Region> scan(Path classFile) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(classFile)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ClassReader reader = new ClassReader(bytes);
    String simple = reader.getClassName().substring(reader.getClassName().lastIndexOf('/') + 1);
    List<Region> regions = new ArrayList<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            boolean whole = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
            String where = simple + "." + name;
            return new MethodVisitor(Opcodes.ASM9) {
              // javac's layout: enter, body, exit, then the handler's exit; the body is what counts
              private int depth;
              private List<String> called;

              @Override
              public void visitCode() {
                if (whole) {
                  called = new ArrayList<>();
                }
              }

              @Override
              public void visitInsn(int opcode) {
                if (opcode == Opcodes.MONITORENTER) {
                  if (depth++ == 0 && !whole) {
                    called = new ArrayList<>();
                  }
                } else if (opcode == Opcodes.MONITOREXIT && depth > 0 && --depth == 0 && !whole) {
                  regions.add(new Region(where, called.size(), called));
                  called = null;
                }
              }

              @Override
              public void visitMethodInsn(
                  int opcode, String owner, String method, String desc, boolean isInterface) {
                if (called != null) {
                  called.add(owner + "." + method);
                }
              }

              @Override
              public void visitInvokeDynamicInsn(
                  String method, String desc, Handle bootstrap, Object... arguments) {
                if (called != null) {
                  called.add("invokedynamic " + method);
                }
              }

              @Override
              public void visitEnd() {
                if (whole) {
                  regions.add(new Region(where, called.size(), called));
                }
              }
            };
          }
        },
        0);
    return regions;
  }
}
