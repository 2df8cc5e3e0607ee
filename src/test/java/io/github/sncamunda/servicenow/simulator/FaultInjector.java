package io.github.sncamunda.servicenow.simulator;

import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Decides which fault, if any, a request suffers: targeted rules used in the order added. */
final class FaultInjector {

  private record Rule(String method, String prefix, Fault fault, AtomicInteger remaining) {
    boolean matches(String m, String path) {
      return (method == null || method.equals(m)) && (prefix == null || path.startsWith(prefix));
    }
  }

  private final ConcurrentLinkedQueue<Rule> rules = new ConcurrentLinkedQueue<>();

  void failNext(int count, String method, String pathPrefix, Fault fault) {
    rules.add(
        new Rule(
            method == null ? null : method.toUpperCase(Locale.ROOT),
            pathPrefix,
            fault,
            new AtomicInteger(count)));
  }

  /** The fault for this request (consuming one use of the rule), or null. */
  Fault take(String method, String path) {
    if (rules.isEmpty()) {
      return null;
    }
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
  }
}
