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

  /** CPU time so far of every live thread: id → (group, nanoseconds). */
  static Map<Long, Map.Entry<String, Long>> sample() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Map<Long, Map.Entry<String, Long>> out = new TreeMap<>();
    if (!bean.isThreadCpuTimeSupported()) {
      return out;
    }
    long[] ids = bean.getAllThreadIds();
    ThreadInfo[] infos = bean.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = infos[i] == null ? -1 : bean.getThreadCpuTime(ids[i]);
      if (cpu >= 0) {
        out.put(ids[i], Map.entry(group(infos[i].getThreadName()), cpu));
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

  /**
   * Cores used per group between two samples {@code secs} apart: per thread, its time since the
   * first sample (all of it for a thread started since); threads that ended in between are lost.
   */
  static Map<String, Double> cores(
      Map<Long, Map.Entry<String, Long>> before,
      Map<Long, Map.Entry<String, Long>> after,
      double secs) {
    Map<String, Double> out = new TreeMap<>();
    after.forEach(
        (id, now) -> {
          Map.Entry<String, Long> then = before.get(id);
          long used = now.getValue() - (then == null ? 0 : then.getValue());
          out.merge(now.getKey(), Math.max(0, used) / 1e9 / secs, Double::sum);
        });
    return out;
  }
}
