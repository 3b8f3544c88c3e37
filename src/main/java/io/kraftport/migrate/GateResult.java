package io.kraftport.migrate;

import io.kraftport.KraftportException;
import io.kraftport.diff.Difference;
import io.kraftport.gate.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of the gate: the parity result behind it (null when the gate stopped before parity
 * finished), the labels of both sides, every check in order (those that did not run say why), and
 * the verdict. A gate that stopped because a side could not be reached carries that failure in
 * {@code stoppedBy}: its reports are still written, then the failure ends the command (exit 3).
 */
public record GateResult(
    ParityResult parity,
    String sourceLabel,
    String targetLabel,
    List<CheckResult> checks,
    Verdict verdict,
    KraftportException stoppedBy) {

  public GateResult {
    Objects.requireNonNull(sourceLabel, "sourceLabel");
    Objects.requireNonNull(targetLabel, "targetLabel");
    checks = List.copyOf(checks);
    Objects.requireNonNull(verdict, "verdict");
  }

  /** What parity counted on each side; none when it did not finish. */
  public Map<String, Integer> counts() {
    return parity == null ? Map.of() : parity.counts();
  }

  /** Parity's differences; none when it did not finish. */
  public List<Difference> differences() {
    return parity == null ? List.of() : parity.differences();
  }
}
