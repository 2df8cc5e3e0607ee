package io.github.sncamunda.servicenow.scale;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a sample, with the sample size kept for the report. */
record Percentiles(int n, double p50, double p99, double max) {

  static Percentiles of(Collection<? extends Number> values) {
    double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Percentiles(v.length, rank(v, 0.50), rank(v, 0.99), v[v.length - 1]);
  }

  private static double rank(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  @Override
  public String toString() {
    return "p50 " + fmt(p50) + ", p99 " + fmt(p99) + ", max " + fmt(max) + " (n=" + n + ")";
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "–" : v >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }
}
