package io.kraftport.roundtrip;

import io.kraftport.diff.Difference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a live record probe found: per topic the records read, those in no schema registry's wire
 * format (counted, never failed), the schema ids the records carry and the records that failed; and
 * the differences, one per schema id that does not resolve on the target to the source's schema and
 * one per group of records that do not read back.
 */
public record ProbeReport(List<TopicProbe> topics, List<Difference> differences) {
  public ProbeReport {
    topics = List.copyOf(topics);
    differences = List.copyOf(differences);
  }

  /** One topic's tally; {@code ids} sorted. */
  public record TopicProbe(
      String topic, long records, long notWireFormat, List<Integer> ids, long failed) {
    public TopicProbe {
      ids = List.copyOf(new TreeSet<>(ids));
    }
  }

  public long records() {
    return topics.stream().mapToLong(TopicProbe::records).sum();
  }

  public long failed() {
    return topics.stream().mapToLong(TopicProbe::failed).sum();
  }

  /** The totals, then per topic, named for a report. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("probe total: records read", clamp(records()));
    counts.put(
        "probe total: records not in the wire format",
        clamp(topics.stream().mapToLong(TopicProbe::notWireFormat).sum()));
    counts.put(
        "probe total: schema ids seen",
        (int) topics.stream().flatMap(t -> t.ids().stream()).distinct().count());
    counts.put("probe total: records failed", clamp(failed()));
    for (TopicProbe t : topics) {
      String prefix = "probe topic " + t.topic() + ": ";
      counts.put(prefix + "records read", clamp(t.records()));
      counts.put(prefix + "records not in the wire format", clamp(t.notWireFormat()));
      counts.put(prefix + "schema ids seen", t.ids().size());
      counts.put(prefix + "records failed", clamp(t.failed()));
    }
    return counts;
  }

  private static int clamp(long n) {
    return (int) Math.min(Integer.MAX_VALUE, n);
  }
}
