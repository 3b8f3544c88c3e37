package io.kraftport.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.Progress;
import io.kraftport.UnreachableException;
import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.config.SideConfig;
import io.kraftport.gate.CheckResult;
import io.kraftport.kafka.TopicFilter;
import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's order, progress lines and verdict, with parity read from two snapshot files and checks
 * that never reach a cluster (the Admin clients the gate opens are created, never called).
 */
class GateServiceTest {
  @TempDir Path dir;

  private final List<String> steps = new ArrayList<>();
  private final Progress progress =
      new Progress() {
        @Override
        public void advance(String what, long done, long total) {}

        @Override
        public void step(String description) {
          steps.add(description);
        }
      };

  private GateRequest request(List<GateCheck> checks) {
    Path empty = dir.resolve("empty.json");
    SnapshotCodec.write(
        new Snapshot(
            Snapshot.FORMAT_VERSION,
            "test",
            "2024-01-01T00:00:00Z",
            new ClusterInfo("c", 1, null, null),
            List.of(),
            null),
        empty);
    MigrationConfig config =
        new MigrationConfig(
            new SideConfig("source", Map.of("bootstrap.servers", "127.0.0.1:9")),
            new SideConfig("target", Map.of("bootstrap.servers", "127.0.0.1:9")));
    return new GateRequest(
        new ParityRequest(
            config,
            empty,
            empty,
            new TopicFilter(List.of(), List.of(), false),
            new RegistryAccess(false, null, null, 1),
            new ParityRequest.Checks(null, null, true, false, 0),
            Duration.ofSeconds(5)),
        checks);
  }

  private static GateCheck passing(String name) {
    return new GateCheck(
        name,
        name + " fine",
        c -> CheckResult.pass(name, c.sourceTopics().size() + " topics", List.of()));
  }

  @Test
  void parityRunsFirstThenEveryCheckInOrderAndAllPassingOpensTheGate() {
    GateResult result = GateService.run(request(List.of(passing("a"), passing("b"))), progress);

    assertThat(result.checks()).extracting(CheckResult::name).containsExactly("parity", "a", "b");
    assertThat(result.checks().get(0).summary())
        .isEqualTo("no drift between source and target (0 translated," + " 0 accepted)");
    assertThat(steps)
        .containsExactly("Gate 1/3: parity ...", "Gate 2/3: a fine ...", "Gate 3/3: b fine ...");
    assertThat(result.verdict()).isEqualTo(Verdict.OPEN);
    assertThat(result.stoppedBy()).isNull();
  }

  @Test
  void aCheckThatCannotReachItsClusterFailsAndTheLaterOnesStillRun() {
    GateCheck unreachable =
        new GateCheck(
            "b",
            "b fine",
            c -> {
              throw new UnreachableException("target cluster (127.0.0.1:9): no answer within 5 s");
            });

    GateResult result =
        GateService.run(request(List.of(passing("a"), unreachable, passing("c"))), progress);

    assertThat(result.checks())
        .extracting(CheckResult::name)
        .containsExactly("parity", "a", "b", "c");
    assertThat(result.checks().get(2).summary())
        .isEqualTo("could not run: target cluster (127.0.0.1:9): no answer within 5 s");
    assertThat(result.checks().get(3).passed()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.CLOSED);
    assertThat(result.stoppedBy()).isNull();
  }
}
