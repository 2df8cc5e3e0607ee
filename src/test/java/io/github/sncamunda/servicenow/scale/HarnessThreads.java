package io.github.sncamunda.servicenow.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the harness JVM's threads by what they do, to split "engine + simulator + load" in
 * the ramp: the engine's actor threads ({@code zb-*}), gRPC (the engine's gateway and the load
 * generator's client share the names), the simulator (the carrier threads of its virtual threads),
 * and the rest. Threads that ended take their time with them, so this undercounts short-lived
 * threads.
 */
final class HarnessThreads {

  private HarnessThreads() {}

  static Map<String, Long> cpuNanosByGroup() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    if (!bean.isThreadCpuTimeSupported()) {
      return out;
    }
    long[] ids = bean.getAllThreadIds();
    ThreadInfo[] infos = bean.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] == null) {
        continue;
      }
      long cpu = bean.getThreadCpuTime(ids[i]);
      if (cpu > 0) {
        out.merge(group(infos[i].getThreadName()), cpu, Long::sum);
      }
    }
    return out;
  }

  static String group(String thread) {
    if (thread.startsWith("zb-")) {
      return "engine";
    }
    if (thread.startsWith("grpc-") || thread.contains("ELG")) {
      return "gRPC";
    }
    if (thread.startsWith("ForkJoinPool-")) {
      return "simulator";
    }
    return "other";
  }

  /** Cores used per group between two samples {@code seconds} apart. */
  static Map<String, Double> cores(Map<String, Long> before, Map<String, Long> after, double secs) {
    Map<String, Double> out = new TreeMap<>();
    after.forEach(
        (group, nanos) -> out.put(group, (nanos - before.getOrDefault(group, 0L)) / 1e9 / secs));
    return out;
  }
}
