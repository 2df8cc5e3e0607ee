package io.github.sncamunda.servicenow.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides which fault, if any, a request suffers: first targeted rules ({@code failNext}, in the
 * order added), then the first matching fault mix, which draws from its own seeded random, so the
 * n-th matching request always gets the same fault.
 */
final class FaultInjector {

  private record Rule(String method, String prefix, Fault fault, AtomicInteger remaining) {
    boolean matches(String m, String path) {
      return FaultInjector.matches(method, prefix, m, path);
    }
  }

  /** Faults with cumulative probability bounds, in a stable order. */
  private record Mix(
      String method, String prefix, List<Fault> faults, double[] upTo, Random random) {
    Fault draw() {
      double r;
      synchronized (random) {
        r = random.nextDouble();
      }
      for (int i = 0; i < upTo.length; i++) {
        if (r < upTo[i]) {
          return faults.get(i);
        }
      }
      return null;
    }
  }

  private final ConcurrentLinkedQueue<Rule> rules = new ConcurrentLinkedQueue<>();
  private final List<Mix> mixes = new CopyOnWriteArrayList<>();

  private static boolean matches(String method, String prefix, String m, String path) {
    return (method == null || method.equals(m)) && (prefix == null || path.startsWith(prefix));
  }

  private static String upper(String method) {
    return method == null ? null : method.toUpperCase(Locale.ROOT);
  }

  void failNext(int count, String method, String pathPrefix, Fault fault) {
    rules.add(new Rule(upper(method), pathPrefix, fault, new AtomicInteger(count)));
  }

  /** Each matching request suffers a fault with the given probabilities (summing to at most 1). */
  void mix(long seed, String method, String pathPrefix, Map<Fault, Double> rates) {
    List<Map.Entry<Fault, Double>> entries = new ArrayList<>(rates.entrySet());
    entries.sort(Comparator.comparing(e -> e.getKey().describe()));
    List<Fault> faults = new ArrayList<>();
    double[] upTo = new double[entries.size()];
    double sum = 0;
    for (int i = 0; i < entries.size(); i++) {
      double rate = entries.get(i).getValue();
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("rate must be between 0 and 1: " + rate);
      }
      sum += rate;
      upTo[i] = sum;
      faults.add(entries.get(i).getKey());
    }
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException("rates add up to more than 1: " + sum);
    }
    mixes.add(new Mix(upper(method), pathPrefix, List.copyOf(faults), upTo, new Random(seed)));
  }

  /** The fault for this request (consuming one use of a rule), or null. */
  Fault take(String method, String path) {
    for (Rule rule : rules) {
      if (rule.matches(method, path)) {
        int left = rule.remaining().getAndDecrement();
        if (left > 0) {
          if (left == 1) {
            rules.remove(rule);
          }
          return rule.fault();
        }
        rules.remove(rule);
      }
    }
    for (Mix mix : mixes) {
      if (matches(mix.method(), mix.prefix(), method, path)) {
        return mix.draw();
      }
    }
    return null;
  }

  int pending() {
    int sum = 0;
    for (Rule rule : rules) {
      sum += Math.max(0, rule.remaining().get());
    }
    return sum;
  }

  void clear() {
    rules.clear();
    mixes.clear();
  }
}
