package io.kraftport.migrate;

import io.kraftport.diff.Difference;
import io.kraftport.gate.CheckResult;
import java.util.List;

/**
 * The judgement of a command that compares: a diff is at {@code PARITY} when no difference is
 * drift, else it found {@code DIFFERENCES}; a gate is {@code OPEN} when every check passed, else
 * {@code CLOSED}. Decided here, in the core; reports only render it.
 */
public enum Verdict {
  PARITY(true),
  DIFFERENCES(false),
  OPEN(true),
  CLOSED(false);

  private final boolean passed;

  Verdict(boolean passed) {
    this.passed = passed;
  }

  /** Whether the command succeeded (exit 0). */
  public boolean passed() {
    return passed;
  }

  /**
   * A diff's verdict: parity unless some difference is drift (translated and accepted ones are
   * not).
   */
  public static Verdict ofDifferences(List<Difference> differences) {
    return differences.stream().noneMatch(Difference::isDrift) ? PARITY : DIFFERENCES;
  }

  /** A gate's verdict: open only when every check passed. */
  public static Verdict ofChecks(List<CheckResult> checks) {
    return checks.stream().allMatch(CheckResult::passed) ? OPEN : CLOSED;
  }
}
