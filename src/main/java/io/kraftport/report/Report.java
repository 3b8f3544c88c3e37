package io.kraftport.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Status;
import io.kraftport.gate.CheckResult;
import io.kraftport.migrate.GateResult;
import io.kraftport.migrate.ParityResult;
import io.kraftport.migrate.Verdict;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a command that judges ({@code diff}, {@code gate}): the two sides compared, what
 * was counted on each, the checks that ran, every difference, and the verdict the core decided
 * ({@link Verdict}). Every report format (JSON, JUnit XML, Markdown, HTML, text) renders this one
 * record.
 */
@JsonPropertyOrder({
  "command",
  "verdict",
  "passed",
  "source",
  "target",
  "counts",
  "summary",
  "checks",
  "differences"
})
public record Report(
    String command,
    String verdict,
    boolean passed,
    String source,
    String target,
    Map<String, Integer> counts,
    Map<String, Long> summary,
    List<CheckResult> checks,
    List<Difference> differences) {

  public Report {
    counts = new TreeMap<>(counts);
    summary = new TreeMap<>(summary);
    checks = List.copyOf(checks);
    differences = List.copyOf(differences);
  }

  /** The report of a parity comparison. */
  public static Report of(ParityResult parity) {
    return of(
        parity.sourceLabel(),
        parity.targetLabel(),
        parity.counts(),
        parity.differences(),
        parity.verdict());
  }

  /** The report of a gate, a stopped one included. */
  public static Report gate(GateResult gate) {
    return gate(
        gate.sourceLabel(),
        gate.targetLabel(),
        gate.counts(),
        gate.checks(),
        gate.differences(),
        gate.verdict());
  }

  /** A diff's report, with the verdict the core decided. */
  public static Report of(
      String source,
      String target,
      Map<String, Integer> counts,
      List<Difference> differences,
      Verdict verdict) {
    List<Difference> sorted = differences.stream().sorted(Difference.ORDER).toList();
    return new Report(
        "diff",
        verdict.name(),
        verdict.passed(),
        source,
        target,
        counts,
        summary(sorted),
        List.of(),
        sorted);
  }

  /** A gate's report, with the verdict the core decided. */
  public static Report gate(
      String source,
      String target,
      Map<String, Integer> counts,
      List<CheckResult> checks,
      List<Difference> differences,
      Verdict verdict) {
    List<Difference> sorted = differences.stream().sorted(Difference.ORDER).toList();
    return new Report(
        "gate",
        verdict.name(),
        verdict.passed(),
        source,
        target,
        counts,
        summary(sorted),
        checks,
        sorted);
  }

  /** How many differences have each status, every status named. */
  private static Map<String, Long> summary(List<Difference> differences) {
    Map<String, Long> summary = new TreeMap<>();
    for (Status s : Status.values()) {
      summary.put(
          s.name().toLowerCase(java.util.Locale.ROOT),
          differences.stream().filter(d -> d.status() == s).count());
    }
    return summary;
  }
}
