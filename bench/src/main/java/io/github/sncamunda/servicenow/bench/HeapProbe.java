package io.github.sncamunda.servicenow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.bench.Contenders.Auth;
import io.github.sncamunda.servicenow.bench.Contenders.Call;
import io.github.sncamunda.servicenow.bench.Contenders.Op;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap while one contender takes a 50 MB answer, in a fresh JVM per contender and mode
 * ({@code java … HeapProbe <raw|ours|rest> <chunked|declared> <port>}; prints one JSON line).
 *
 * <p>Method: warm the path with one normal call, {@code System.gc()} twice, take the used heap
 * as baseline, reset every heap pool's peak, make the call, then report
 * <ul>
 *   <li>{@code peakPoolsBytes} — the sum of the heap pools' peak usage (an upper bound of the true
 *       peak: each pool's peak may come from a different moment),
 *   <li>{@code peakSampledBytes} — the highest used heap seen by a thread sampling
 *       {@code MemoryMXBean} every millisecond (a lower bound),
 *   <li>{@code allocatedBytes} — what the calling thread allocated during the call
 *       ({@code ThreadMXBean.getCurrentThreadAllocatedBytes}),
 * </ul>
 * each minus the baseline where it applies, and the outcome (an error code, or the result type).
 */
public final class HeapProbe {

  public static void main(String[] args) throws Exception {
    String contender = args[0];
    boolean declared = args[1].equals("declared");
    int port = Integer.parseInt(args[2]);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("contender", contender);
    out.put("mode", args[1]);
    out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    try (Contenders contenders = new Contenders(port, Auth.basic)) {
      contenders.call(contender, Op.incidentRead).call();
      Call big = switch (contender) {
        case "raw" -> contenders.rawBig(declared);
        case "ours" -> contenders.oursBig(declared);
        default -> contenders.restBig(declared);
      };
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).toList();
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      System.gc();
      Thread.sleep(200);
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
      AtomicLong sampled = new AtomicLong(baseline);
      Thread sampler = Thread.ofPlatform().daemon().start(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      Object result = null;
      String outcome;
      try {
        result = big.call();
        outcome = "returned " + describe(result);
      } catch (ConnectorException e) {
        outcome = "error " + e.getErrorCode();
      } catch (Throwable t) {
        outcome = "failed " + t.getClass().getSimpleName();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
      long peakPools = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      sampler.interrupt();
      sampler.join();
      out.put("outcome", outcome);
      out.put("millis", millis);
      out.put("baselineBytes", baseline);
      out.put("peakPoolsBytes", Math.max(0, peakPools - baseline));
      out.put("peakSampledBytes", Math.max(0, sampled.get() - baseline));
      out.put("allocatedBytes", allocated);
      out.put("resultKept", result != null);
    }
    System.out.println("HEAP " + new ObjectMapper().writeValueAsString(out));
  }

  private static String describe(Object result) {
    if (result instanceof byte[] bytes) {
      return "byte[" + bytes.length + "]";
    }
    return result == null ? "null" : result.getClass().getSimpleName();
  }
}
