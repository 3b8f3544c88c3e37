package io.kraftport.diff;

import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import io.kraftport.snapshot.TopicSpec;
import io.kraftport.translate.ConfigTranslations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compares two sides' topics: count, missing and extra topics, partitions, replication factor and
 * effective configs. The source is what the target should look like after an import, so configs are
 * first put through the same Kafka 4 translation the importer applies; what it changes is reported
 * as {@link Status#TRANSLATED}, not as drift. Pure: no I/O.
 */
public final class TopicDiffer {
  private final ConfigTranslations translations;

  public TopicDiffer(ConfigTranslations translations) {
    this.translations = translations;
  }

  /** How the import was asked to run, where that makes a difference expected. */
  public record Options(Integer replicationFactorCap) {
    public static final Options DEFAULTS = new Options(null);
  }

  public List<Difference> diff(List<TopicSpec> source, List<TopicSpec> target, Options options) {
    Map<String, TopicSpec> targetByName = new TreeMap<>();
    target.forEach(t -> targetByName.put(t.name(), t));
    Map<String, TopicSpec> sourceByName = new TreeMap<>();
    source.forEach(t -> sourceByName.put(t.name(), t));
    List<Difference> out = new ArrayList<>();
    if (source.size() != target.size()) {
      out.add(Difference.drift(Kind.TOPIC_COUNT, "topics", "count", source.size(), target.size()));
    }
    for (TopicSpec s : sourceByName.values()) {
      TopicSpec t = targetByName.get(s.name());
      if (t == null) {
        out.add(Difference.drift(Kind.TOPIC_MISSING, s.name(), null, "present", "missing"));
      } else {
        compare(s, t, options, out);
      }
    }
    for (TopicSpec t : targetByName.values()) {
      if (!sourceByName.containsKey(t.name())) {
        out.add(Difference.drift(Kind.TOPIC_EXTRA, t.name(), null, "missing", "present"));
      }
    }
    out.sort(Difference.ORDER);
    return out;
  }

  private void compare(TopicSpec s, TopicSpec t, Options options, List<Difference> out) {
    String topic = s.name();
    if (s.partitions() != t.partitions()) {
      out.add(
          Difference.drift(Kind.PARTITIONS, topic, "partitions", s.partitions(), t.partitions()));
    }
    if (s.replicationFactor() != t.replicationFactor()) {
      Difference d =
          Difference.drift(
              Kind.REPLICATION_FACTOR,
              topic,
              "replicationFactor",
              s.replicationFactor(),
              t.replicationFactor());
      Integer cap = options.replicationFactorCap();
      if (cap != null && t.replicationFactor() == Math.min(s.replicationFactor(), cap)) {
        d = d.withStatus(Status.ACCEPTED, "capped by --replication-factor " + cap);
      }
      out.add(d);
    }
    ConfigTranslations.Result tr = translations.translate(s.configs(), t.configs()::containsKey);
    for (ConfigTranslations.Applied a : tr.applied()) {
      out.add(
          new Difference(
              Status.TRANSLATED,
              Kind.CONFIG,
              topic,
              a.config(),
              a.sourceValue(),
              a.result().isEmpty() ? "(dropped)" : describe(a.result()),
              a.reason()));
    }
    SortedMap<String, String> actual = t.effectiveValues();
    tr.desired()
        .forEach(
            (name, expected) -> {
              if (!t.configs().containsKey(name)) {
                out.add(
                    new Difference(
                        Status.DRIFT,
                        Kind.CONFIG,
                        topic,
                        name,
                        expected,
                        null,
                        "the target does not know this config"));
              } else if (!expected.equals(actual.get(name))) {
                out.add(Difference.drift(Kind.CONFIG, topic, name, expected, actual.get(name)));
              }
            });
  }

  private static String describe(SortedMap<String, String> result) {
    return String.join(
        ", ", result.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }
}
