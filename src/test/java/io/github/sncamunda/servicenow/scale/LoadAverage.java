package io.github.sncamunda.servicenow.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The machine's load average from {@code /proc/loadavg}, sampled in the background during a run:
 * the machine is shared, so a report says how busy it was.
 */
final class LoadAverage {

  private final List<Double> samples = new CopyOnWriteArrayList<>();

  private LoadAverage() {}

  /** "1-minute, 5-minute, 15-minute" now, or "unknown". */
  static String now() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static LoadAverage sampleEvery(Duration period) {
    LoadAverage load = new LoadAverage();
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .name("load-average")
            .start(
                () -> {
                  while (true) {
                    String one = now().split(",")[0];
                    if (!one.equals("unknown")) {
                      load.samples.add(Double.parseDouble(one));
                    }
                    try {
                      Thread.sleep(period.toMillis());
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    sampler.setUncaughtExceptionHandler((t, e) -> {});
    return load;
  }

  /** "mean 5.2, max 9.8 (n samples)". */
  String summary() {
    if (samples.isEmpty()) {
      return "unknown";
    }
    double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return String.format(
        Locale.ROOT, "mean %.1f, max %.1f (%d samples)", mean, max, samples.size());
  }
}
