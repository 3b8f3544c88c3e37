package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar under a heap too small for its input: one line and exit 4, never a raw stack
 * trace.
 */
@Tag("integration")
class ResourceLimitsIT {
  @TempDir Path dir;

  @Test
  void aSnapshotTooLargeForTheHeapEndsInOneLineAndExit4() throws IOException {
    Path big = dir.resolve("big.json");
    writeSnapshot(big, 20_000, 20);
    JarRunner.Run r =
        JarRunner.run(
            Map.of(),
            List.of("-Xmx48m"),
            "diff",
            "--source-snapshot",
            big.toString(),
            "--target-snapshot",
            big.toString(),
            "--no-registry");
    assertThat(r.code()).as(r.all()).isEqualTo(4);
    assertThat(r.err().strip().lines().toList()).as(r.err()).hasSize(1);
    assertThat(r.err())
        .startsWith("kraftport: error: internal error: out of memory")
        .contains("-Xmx")
        .doesNotContain("\tat ")
        .doesNotContain("Exception in thread");
  }

  /**
   * A valid snapshot of {@code topics} topics with {@code configs} configs each (about 1 KB per
   * topic).
   */
  private static void writeSnapshot(Path file, int topics, int configs) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write(
          "{\"formatVersion\":1,\"toolVersion\":\"test\",\"exportedAt\":\"2026-01-01T00:00:00Z\","
              + "\"cluster\":{\"clusterId\":\"big\",\"brokerCount\":1,\"kafkaVersion\":\"3.9-IV0\",\"mode\":\"zookeeper\"},"
              + "\"topics\":[");
      for (int t = 0; t < topics; t++) {
        w.write(t == 0 ? "" : ",");
        w.write(
            String.format(
                "{\"name\":\"topic-%06d\",\"partitions\":3,\"replicationFactor\":1,\"configs\":{",
                t));
        for (int c = 0; c < configs; c++) {
          w.write(
              String.format(
                  "%s\"config.key.%02d\":{\"value\":\"value-%d-%d\",\"source\":\"DYNAMIC_TOPIC_CONFIG\"}",
                  c == 0 ? "" : ",", c, t, c));
        }
        w.write("}}");
      }
      w.write("]}");
    }
  }
}
