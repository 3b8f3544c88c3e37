package io.kraftport.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Status;
import io.kraftport.gate.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a command that judges ({@code diff}, {@code gate}): the two sides compared, what was counted on
 * each, the checks that ran, every difference, and the verdict. A diff's verdict is {@code PARITY} when no difference
 * is drift, else {@code DIFFERENCES}; a gate's is {@code OPEN} when every check passed, else {@code CLOSED}. Every
 * report format (JSON, JUnit XML, Markdown, HTML, text) renders this one record.
 */
@JsonPropertyOrder({"command", "verdict", "passed", "source", "target", "counts", "summary", "checks",
    "differences"})
public record Report(String command, String verdict, boolean passed, String source, String target,
    Map<String, Integer> counts, Map<String, Long> summary, List<CheckResult> checks, List<Difference> differences) {

  public Report {
    counts = new TreeMap<>(counts);
    summary = new TreeMap<>(summary);
    checks = List.copyOf(checks);
    differences = List.copyOf(differences);
  }

  public static Report of(String source, String target, Map<String, Integer> counts,
      List<Difference> differences) {
    List<Difference> sorted = differences.stream().sorted(Difference.ORDER).toList();
    Map<String, Long> summary = new TreeMap<>();
    for (Status s : Status.values()) {
      summary.put(s.name().toLowerCase(java.util.Locale.ROOT),
          sorted.stream().filter(d -> d.status() == s).count());
    }
    boolean parity = sorted.stream().noneMatch(Difference::isDrift);
    return new Report("diff", parity ? "PARITY" : "DIFFERENCES", parity, source, target, counts, summary,
        List.of(), sorted);
  }

  /** A gate's report: open only when every check passed. */
  public static Report gate(String source, String target, Map<String, Integer> counts, List<CheckResult> checks,
      List<Difference> differences) {
    Report diff = of(source, target, counts, differences);
    boolean open = checks.stream().allMatch(CheckResult::passed);
    return new Report("gate", open ? "OPEN" : "CLOSED", open, source, target, counts, diff.summary(), checks,
        diff.differences());
  }
}
