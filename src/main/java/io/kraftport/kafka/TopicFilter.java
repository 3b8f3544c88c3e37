package io.kraftport.kafka;

import io.kraftport.plan.LeftOut;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.internals.Topic;

/**
 * Which topics a command works on: those matching any {@code include} pattern (all when there is
 * none) and no {@code exclude} pattern, whole-name matches.
 *
 * <p>Internal topics are left out unless {@code includeInternal}, in two kinds. Kafka's own ({@link
 * #isKafkaOwn}: {@code __consumer_offsets}, {@code __transaction_state}, {@code
 * __share_group_state}, {@code __cluster_metadata}, {@code __remote_log_metadata}, the registry's
 * {@code _schemas}, and whatever kafka-clients' {@code Topic.isInternal} names) stay out whatever
 * {@code include} says: each cluster keeps its own. Other {@code __}-prefixed topics (MSK's {@code
 * __amazon_msk_canary}, a team's {@code __audit}) are left out by default but selected when an
 * {@code include} pattern matches their whole name: naming a topic is asking for it (a pattern such
 * as {@code .*} matches them too). {@code exclude} always wins.
 */
public record TopicFilter(List<Pattern> include, List<Pattern> exclude, boolean includeInternal) {
  /**
   * Every topic, internal ones included: what a cluster holds, as opposed to what a command
   * selects.
   */
  public static final TopicFilter EVERY_TOPIC = new TopicFilter(List.of(), List.of(), true);

  /**
   * Internal topics of Kafka and the registry that kafka-clients' {@code Topic.isInternal} may not
   * list.
   */
  private static final Set<String> KAFKA_OWN =
      Set.of(
          "__consumer_offsets",
          "__transaction_state",
          "__share_group_state",
          "__cluster_metadata",
          "__remote_log_metadata",
          "_schemas");

  public TopicFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Whether a topic is selected, or why it is left out. */
  public enum Verdict {
    SELECTED,
    /** Left out by {@code --include}/{@code --exclude}. */
    FILTERED,
    /** An internal topic, left out without {@code --include-internal}. */
    INTERNAL
  }

  public boolean test(String topic) {
    return verdict(topic) == Verdict.SELECTED;
  }

  public Verdict verdict(String topic) {
    boolean included = include.stream().anyMatch(p -> p.matcher(topic).matches());
    if (!includeInternal && (isKafkaOwn(topic) || (isInternal(topic) && !included))) {
      return Verdict.INTERNAL;
    }
    if (!include.isEmpty() && !included) {
      return Verdict.FILTERED;
    }
    return exclude.stream().anyMatch(p -> p.matcher(topic).matches())
        ? Verdict.FILTERED
        : Verdict.SELECTED;
  }

  /** How many of {@code topics} this filter leaves out. */
  public LeftOut leftOut(Collection<String> topics) {
    int filtered = 0;
    int internal = 0;
    for (String t : topics) {
      switch (verdict(t)) {
        case FILTERED -> filtered++;
        case INTERNAL -> internal++;
        case SELECTED -> {}
      }
    }
    return new LeftOut(filtered, internal);
  }

  /** Whether a topic is internal by name: Kafka's own, or any {@code __}-prefixed one. */
  public static boolean isInternal(String topic) {
    return topic.startsWith("__") || isKafkaOwn(topic);
  }

  /** Whether a topic is one Kafka or the registry keeps for itself, which no filter selects. */
  public static boolean isKafkaOwn(String topic) {
    return KAFKA_OWN.contains(topic) || Topic.isInternal(topic);
  }
}
