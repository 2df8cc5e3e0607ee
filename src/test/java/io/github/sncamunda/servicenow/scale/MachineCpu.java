package io.github.sncamunda.servicenow.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from {@code /proc/stat} (Linux; zeros elsewhere), so a report can
 * say how much of the machine the run's own processes used and how much went to everything else on
 * a shared build machine.
 */
record MachineCpu(long busyTicks, long totalTicks) {

  static MachineCpu now() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0); // cpu user nice system idle …
      String[] f = line.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return new MachineCpu(total - idle, total);
    } catch (IOException | RuntimeException e) {
      return new MachineCpu(0, 0);
    }
  }

  /** The busy fraction of all cores between {@code before} and this sample (0 when unknown). */
  double busySince(MachineCpu before) {
    long total = totalTicks - before.totalTicks;
    return total <= 0 ? 0 : (double) (busyTicks - before.busyTicks) / total;
  }
}
