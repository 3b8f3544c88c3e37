package io.kraftport.roundtrip;

import io.kraftport.diff.Difference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the round-trip checks of a registry found: how many schema versions were round-tripped (and
 * how many could not be, for want of a usable source schema), how many producer lookups and
 * compatibility checks were asked of the target or, where the target is a snapshot ({@code
 * targetLive} false), could not be, and every difference.
 */
public record RoundTripReport(
    int roundTrips,
    int notRun,
    boolean targetLive,
    int lookups,
    int compatibilityChecks,
    List<Difference> differences) {

  public RoundTripReport {
    differences = List.copyOf(differences);
  }

  /**
   * The counts for a report, named for people; checks that could not run are counted as such, never
   * as passed.
   */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("round-trips checked", roundTrips);
    if (notRun > 0) {
      counts.put("round-trips not run (no usable source schema)", notRun);
    }
    if (targetLive) {
      counts.put("producer lookups checked", lookups);
      counts.put("compatibility checks run", compatibilityChecks);
    } else {
      counts.put("producer lookups not run (target registry is a snapshot)", lookups);
      counts.put(
          "compatibility checks not run (target registry is a snapshot)", compatibilityChecks);
    }
    return counts;
  }
}
