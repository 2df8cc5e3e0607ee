package io.github.sncamunda.servicenow.bench;

import io.github.sncamunda.servicenow.bench.Contenders.Auth;
import io.github.sncamunda.servicenow.bench.Contenders.Call;
import io.github.sncamunda.servicenow.bench.Contenders.Op;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One JMH benchmark per contender × operation; {@code auth} is a parameter and the number of
 * concurrent callers is JMH's {@code -t}. The loopback server runs in another JVM (its port comes
 * in as {@code -Dbench.port}), so its threads and allocations are not in these numbers.
 * Method names are {@code <contender>_<operation>}; the report relies on that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ServiceNowBench {

  @Param({"basic", "oauth"})
  public String auth;

  private Contenders contenders;
  private Call bindFlow, rawFlow, rawCreate, rawRead, oursFlow, oursCreate, oursRead, restFlow, restCreate, restRead;

  @Setup
  public void setUp() throws Exception {
    contenders = new Contenders(Integer.getInteger("bench.port"), Auth.valueOf(auth));
    bindFlow = contenders.bindOnly();
    rawFlow = contenders.raw(Op.flowStart);
    rawCreate = contenders.raw(Op.incidentCreate);
    rawRead = contenders.raw(Op.incidentRead);
    oursFlow = contenders.ours(Op.flowStart);
    oursCreate = contenders.ours(Op.incidentCreate);
    oursRead = contenders.ours(Op.incidentRead);
    restFlow = contenders.rest(Op.flowStart);
    restCreate = contenders.rest(Op.incidentCreate);
    restRead = contenders.rest(Op.incidentRead);
  }

  @TearDown
  public void tearDown() throws Exception {
    contenders.close();
  }

  /** The SDK's per-job binding of our Flow Starter input alone (no HTTP), for the breakdown. */
  @Benchmark
  public Object sdkbind_flowStart(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return bindFlow.call();
  }

  @Benchmark
  public Object raw_flowStart(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return rawFlow.call();
  }

  @Benchmark
  public Object raw_incidentCreate(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return rawCreate.call();
  }

  @Benchmark
  public Object raw_incidentRead(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return rawRead.call();
  }

  @Benchmark
  public Object ours_flowStart(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return oursFlow.call();
  }

  @Benchmark
  public Object ours_incidentCreate(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return oursCreate.call();
  }

  @Benchmark
  public Object ours_incidentRead(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return oursRead.call();
  }

  @Benchmark
  public Object rest_flowStart(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return restFlow.call();
  }

  @Benchmark
  public Object rest_incidentCreate(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return restCreate.call();
  }

  @Benchmark
  public Object rest_incidentRead(CpuMeter cpu) throws Exception {
    cpu.calls++;
    return restRead.call();
  }
}
