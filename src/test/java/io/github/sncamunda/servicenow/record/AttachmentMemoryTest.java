package io.github.sncamunda.servicenow.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded for a 100 MB attachment either way: the probe runs in a JVM whose heap (48
 * MB) is smaller than the file, uploads and downloads through the Record Handler, and reports the
 * hashes and the heap's peak. Holding either file whole would end in OutOfMemoryError.
 */
class AttachmentMemoryTest {

  private static final int HEAP_MB = 48;

  @Test
  void aHundredMegabytesGoBothWaysThroughA48MegabyteHeap() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + HEAP_MB + "m");
    command.add("-XX:+UseSerialGC"); // one heap shape on every machine, so the peak means the same
    command.add("-DSERVICENOW_MAX_ATTACHMENT_BYTES=" + 200L * 1024 * 1024);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(AttachmentMemoryProbe.class.getName());
    Path log = java.nio.file.Files.createTempFile("attachment-memory", ".log");
    Process probe =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = probe.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      probe.destroyForcibly();
    }
    String output = java.nio.file.Files.readString(log);
    assertThat(ended).as(output).isTrue();

    assertThat(probe.exitValue()).as(output).isZero();
    Matcher line =
        Pattern.compile(
                "uploaded=(\\w+) downloaded=(\\w+) peakHeapBytes=(\\d+) maxHeapBytes=(\\d+)")
            .matcher(output);
    assertThat(line.find()).as(output).isTrue();
    assertThat(line.group(1))
        .isEqualTo(
            GeneratedContent.sha256(AttachmentMemoryProbe.UPLOAD_SEED, AttachmentMemoryProbe.SIZE));
    assertThat(line.group(2))
        .isEqualTo(
            GeneratedContent.sha256(
                AttachmentMemoryProbe.DOWNLOAD_SEED, AttachmentMemoryProbe.SIZE));
    long peak = Long.parseLong(line.group(3));
    assertThat(peak).isLessThan(AttachmentMemoryProbe.SIZE / 2);
    System.out.printf(
        "100 MB up and down: peak heap %.1f MB of %d MB%n", peak / 1048576.0, HEAP_MB);
  }
}
