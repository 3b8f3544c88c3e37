package io.kraftport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.SubjectSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} of two registry snapshots runs the round-trips, says what it could not run, and
 * obeys its flags.
 */
class RoundTripDiffTest {
  private static final String ORDER =
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":"
          + "[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\"}]}";
  private static final String ORDER_RENAMED = ORDER.replace("qty", "quantity");

  @TempDir Path dir;

  private Path snapshot(String name, String orderSchema) {
    RegistrySnapshot registry =
        new RegistrySnapshot(
            "http://r",
            "confluent",
            "BACKWARD",
            "READWRITE",
            true,
            List.of(),
            List.of(
                new SubjectSnapshot(
                    "orders-value",
                    false,
                    null,
                    null,
                    List.of(
                        new SchemaVersion(
                            1, 5, "AVRO", false, List.of(), null, null, orderSchema)))),
            List.of());
    Path file = dir.resolve(name);
    SnapshotCodec.write(
        new Snapshot(
            Snapshot.FORMAT_VERSION,
            "test",
            "2024-01-01T00:00:00Z",
            new ClusterInfo("c", 1, null, null),
            List.of(),
            registry),
        file);
    return file;
  }

  @Test
  void aTargetSnapshotWhoseIdReadsBackDifferentFailsAndLookupsAreReportedAsNotRun() {
    Path source = snapshot("source.json", ORDER);
    Path target = snapshot("target.json", ORDER_RENAMED);

    CommandLineTest.Run r =
        CommandLineTest.run(
            "diff", "--source-snapshot", source.toString(), "--target-snapshot", target.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(r.out())
        .contains(
            "round-trips checked: 1",
            "producer lookups not run (target registry is a snapshot): 1",
            "compatibility checks not run (target registry is a snapshot): 1");
    assertThat(r.out()).containsPattern("DRIFT +ROUND_TRIP +orders-value/1 +qty");
  }

  @Test
  void noRoundTripLeavesOnlyTheSchemaComparison() {
    Path source = snapshot("source.json", ORDER);
    Path target = snapshot("target.json", ORDER_RENAMED);

    CommandLineTest.Run r =
        CommandLineTest.run(
            "diff",
            "--source-snapshot",
            source.toString(),
            "--target-snapshot",
            target.toString(),
            "--no-round-trip");

    assertThat(r.code()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(r.out()).contains("SCHEMA_TEXT").doesNotContain("ROUND_TRIP", "round-trips checked");
  }

  @Test
  void identicalSnapshotsRoundTripToParity() {
    Path source = snapshot("source.json", ORDER);

    CommandLineTest.Run r =
        CommandLineTest.run(
            "diff",
            "--source-snapshot",
            source.toString(),
            "--target-snapshot",
            source.toString(),
            "--all-versions");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("round-trips checked: 1", "Verdict: PARITY");
  }

  @Test
  void aProbeNeedsALiveSourceAndANonNegativeCount() {
    Path source = snapshot("source.json", ORDER);

    CommandLineTest.Run fromFile =
        CommandLineTest.run(
            "diff",
            "--source-snapshot",
            source.toString(),
            "--target-snapshot",
            source.toString(),
            "--sample-records",
            "10");
    CommandLineTest.Run negative =
        CommandLineTest.run(
            "diff",
            "--source-snapshot",
            source.toString(),
            "--target-snapshot",
            source.toString(),
            "--sample-records",
            "-1");

    assertThat(fromFile.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(fromFile.err()).contains("--sample-records", "--source-snapshot");
    assertThat(negative.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(negative.err()).contains("--sample-records must be 0 (off) or more");
  }
}
