package io.kraftport.migrate;

import io.kraftport.diff.Difference;
import io.kraftport.roundtrip.ProbeReport;
import io.kraftport.roundtrip.RoundTripReport;
import io.kraftport.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a parity comparison: both sides as read (with their labels for reports), what was
 * counted on each, every difference (the allow-list applied), the round-trip and record-probe
 * reports (null where they did not run), and the verdict.
 */
public record ParityResult(
    String sourceLabel,
    String targetLabel,
    Snapshot source,
    Snapshot target,
    Map<String, Integer> counts,
    List<Difference> differences,
    RoundTripReport roundTrips,
    ProbeReport probe,
    Verdict verdict) {

  public ParityResult {
    counts = new TreeMap<>(counts);
    differences = List.copyOf(differences);
  }
}
