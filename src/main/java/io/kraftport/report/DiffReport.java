package io.kraftport.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Status;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a diff: the two sides compared, what was counted on each, every difference, and the verdict
 * ({@code PARITY} when no difference is drift). The JSON report is this record.
 */
@JsonPropertyOrder({"verdict", "source", "target", "counts", "summary", "differences"})
public record DiffReport(String verdict, String source, String target, Map<String, Integer> counts,
    Map<String, Long> summary, List<Difference> differences) {

  public static DiffReport of(String source, String target, Map<String, Integer> counts,
      List<Difference> differences) {
    List<Difference> sorted = differences.stream().sorted(Difference.ORDER).toList();
    Map<String, Long> summary = new TreeMap<>();
    for (Status s : Status.values()) {
      summary.put(s.name().toLowerCase(java.util.Locale.ROOT),
          sorted.stream().filter(d -> d.status() == s).count());
    }
    boolean parity = sorted.stream().noneMatch(Difference::isDrift);
    return new DiffReport(parity ? "PARITY" : "DIFFERENCES", source, target, new TreeMap<>(counts), summary,
        sorted);
  }

  public boolean parity() {
    return "PARITY".equals(verdict);
  }
}
