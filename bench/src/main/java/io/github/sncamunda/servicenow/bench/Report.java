package io.github.sncamunda.servicenow.bench;

import java.nio.file.Path;

final class Report {
  static void write(Path results, Path docs) {}
}
