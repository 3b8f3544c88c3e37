package io.kraftport.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import io.kraftport.gate.CheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdicts the core decides and every report renders: only drift breaks parity, one failed
 * check closes.
 */
class VerdictTest {
  private static final Difference DRIFT =
      Difference.drift(Kind.PARTITIONS, "orders", "partitions", 6, 3);
  private static final Difference TRANSLATED =
      new Difference(
          Status.TRANSLATED,
          Kind.CONFIG,
          "orders",
          "message.format.version",
          "2.8-IV1",
          "(dropped)",
          "removed in Kafka 4");
  private static final Difference ACCEPTED = DRIFT.withStatus(Status.ACCEPTED, "allow-listed");

  @Test
  void onlyDriftBreaksParity() {
    assertThat(Verdict.ofDifferences(List.of())).isEqualTo(Verdict.PARITY);
    assertThat(Verdict.ofDifferences(List.of(TRANSLATED, ACCEPTED))).isEqualTo(Verdict.PARITY);
    assertThat(Verdict.ofDifferences(List.of(TRANSLATED, DRIFT))).isEqualTo(Verdict.DIFFERENCES);
  }

  @Test
  void theGateIsOpenOnlyWhenEveryCheckPassed() {
    CheckResult pass = CheckResult.pass("parity", "no drift", List.of());
    CheckResult fail = CheckResult.fail("source-drained", "lag 7", List.of());
    assertThat(Verdict.ofChecks(List.of(pass, pass))).isEqualTo(Verdict.OPEN);
    assertThat(Verdict.ofChecks(List.of(pass, fail))).isEqualTo(Verdict.CLOSED);
  }

  @Test
  void passedIsTheExitZeroVerdicts() {
    assertThat(List.of(Verdict.values()))
        .filteredOn(Verdict::passed)
        .containsExactly(Verdict.PARITY, Verdict.OPEN);
  }
}
