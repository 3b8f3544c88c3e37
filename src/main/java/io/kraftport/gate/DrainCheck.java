package io.kraftport.gate;

import io.kraftport.kafka.ClusterEndpoint;
import io.kraftport.kafka.KafkaErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the old cluster is drained: every selected consumer group has no active members and lag 0
 * on every partition it has committed, held for a window during which the topics' end offsets do
 * not move (producers have stopped). Samples the cluster; a window of zero is one look.
 */
public final class DrainCheck {
  public static final String NAME = "source-drained";

  private final Admin admin;
  private final ClusterEndpoint endpoint;
  private final Clock clock;

  /** Waits between samples; tests pass one that does not sleep. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * The time the sampling window is measured in and the wait between samples, together, so a test
   * can pass a clock that moves only when slept on.
   */
  public interface Clock {
    /** The system's: {@link System#nanoTime()} and {@link Thread#sleep}. */
    Clock SYSTEM = of(d -> Thread.sleep(d.toMillis()));

    long nanoTime();

    void sleep(Duration d) throws InterruptedException;

    /** {@link System#nanoTime()} with waits through {@code sleeper}. */
    static Clock of(Sleeper sleeper) {
      return new Clock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
          sleeper.sleep(d);
        }
      };
    }
  }

  /** A check on the system's time that waits between samples through {@code sleeper}. */
  public DrainCheck(Admin admin, ClusterEndpoint endpoint, Sleeper sleeper) {
    this(admin, endpoint, Clock.of(sleeper));
  }

  public DrainCheck(Admin admin, ClusterEndpoint endpoint, Clock clock) {
    this.admin = admin;
    this.endpoint = endpoint;
    this.clock = clock;
  }

  /** One look at the groups: lag per partition, active members, and the end offsets seen. */
  record Sample(
      Map<String, Map<TopicPartition, Long>> lag,
      Map<String, Integer> members,
      Map<TopicPartition, Long> endOffsets) {}

  /**
   * Samples the groups matching {@code groups} and the end offsets of {@code topics} (and of every
   * partition a group committed) for {@code stableFor}.
   */
  public CheckResult run(Pattern groups, Duration stableFor, Collection<String> topics) {
    Set<TopicPartition> watched = new java.util.HashSet<>();
    if (!topics.isEmpty()) {
      KafkaErrors.await(
              admin.describeTopics(topics).allTopicNames(),
              endpoint,
              "describe the source's topics")
          .forEach(
              (name, d) ->
                  d.partitions()
                      .forEach(p -> watched.add(new TopicPartition(name, p.partition()))));
    }
    Sample first = sample(groups, watched);
    List<String> problems;
    try {
      problems = hold(first, stableFor, () -> sample(groups, watched), clock);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.fail(NAME, "interrupted while sampling", List.of());
    }
    int groupCount = first.lag().size();
    String window = stableFor.isZero() ? "one look" : "held for " + stableFor.toSeconds() + " s";
    if (problems.isEmpty() && groupCount == 0) {
      return CheckResult.pass(
          NAME,
          "no consumer group matches on the source; "
              + watched.size()
              + " partitions' end offsets "
              + (stableFor.isZero() ? "read" : "still (" + window + ")"),
          List.of());
    }
    if (problems.isEmpty()) {
      List<String> details = new ArrayList<>();
      first
          .lag()
          .forEach(
              (g, parts) -> details.add(g + ": " + parts.size() + " committed partitions, lag 0"));
      return CheckResult.pass(
          NAME, groupCount + " consumer groups drained (" + window + ")", details);
    }
    return CheckResult.fail(
        NAME,
        problems.size() + " problems: the source is not drained (" + window + ")",
        problems.stream().distinct().toList());
  }

  /**
   * The sampling loop: the problems of {@code first}, and when it has none, of a new sample every
   * fifth of {@code stableFor} (at most 5 s apart) until a problem shows (lag, members, end offsets
   * moved since {@code first}) or the window has passed. A zero window is {@code first} alone.
   */
  static List<String> hold(Sample first, Duration stableFor, Supplier<Sample> sampler, Clock clock)
      throws InterruptedException {
    List<String> problems = problems(first);
    if (problems.isEmpty() && !stableFor.isZero()) {
      Duration step =
          stableFor.dividedBy(5).compareTo(Duration.ofSeconds(5)) > 0
              ? Duration.ofSeconds(5)
              : stableFor.dividedBy(5);
      long deadline = clock.nanoTime() + stableFor.toNanos();
      while (problems.isEmpty() && clock.nanoTime() < deadline) {
        clock.sleep(step.isZero() ? Duration.ofMillis(100) : step);
        Sample last = sampler.get();
        problems.addAll(problems(last));
        problems.addAll(moved(first.endOffsets(), last.endOffsets()));
      }
    }
    return problems;
  }

  Sample sample(Pattern groups, Set<TopicPartition> watched) {
    Map<String, ConsumerGroupDescription> descriptions =
        ConsumerGroups.describe(admin, endpoint, groups);
    List<String> ids = List.copyOf(descriptions.keySet());
    Map<String, Map<TopicPartition, Long>> lag = new TreeMap<>();
    Map<String, Integer> members = new TreeMap<>();
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
    descriptions.forEach((g, d) -> members.put(g, d.members().size()));
    for (String g : ids) {
      committed.put(
          g,
          KafkaErrors.await(
              admin.listConsumerGroupOffsets(g).partitionsToOffsetAndMetadata(),
              endpoint,
              "read the offsets of group " + g));
    }
    Set<TopicPartition> partitions = new java.util.HashSet<>(watched);
    committed.values().forEach(m -> partitions.addAll(m.keySet()));
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        request.isEmpty()
            ? Map.of()
            : KafkaErrors.await(admin.listOffsets(request).all(), endpoint, "read end offsets");
    Map<TopicPartition, Long> endOffsets = new HashMap<>();
    ends.forEach((tp, info) -> endOffsets.put(tp, info.offset()));
    for (String g : ids) {
      Map<TopicPartition, Long> perPartition =
          new TreeMap<>(
              java.util.Comparator.comparing(TopicPartition::topic)
                  .thenComparingInt(TopicPartition::partition));
      committed
          .get(g)
          .forEach(
              (tp, om) -> {
                if (om != null && endOffsets.containsKey(tp)) {
                  perPartition.put(tp, Math.max(0, endOffsets.get(tp) - om.offset()));
                }
              });
      lag.put(g, perPartition);
    }
    return new Sample(lag, members, endOffsets);
  }

  static List<String> problems(Sample s) {
    List<String> out = new ArrayList<>();
    s.members()
        .forEach(
            (g, n) -> {
              if (n > 0) {
                out.add(
                    g + ": " + n + " active members (consumers still running on the old cluster)");
              }
            });
    s.lag()
        .forEach(
            (g, parts) ->
                parts.forEach(
                    (tp, lag) -> {
                      if (lag > 0) {
                        out.add(g + ": " + tp.topic() + "-" + tp.partition() + " lag " + lag);
                      }
                    }));
    return out;
  }

  static List<String> moved(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
    List<String> out = new ArrayList<>();
    before.forEach(
        (tp, offset) -> {
          Long now = after.get(tp);
          if (now != null && !now.equals(offset)) {
            out.add(
                tp.topic()
                    + "-"
                    + tp.partition()
                    + ": end offset moved from "
                    + offset
                    + " to "
                    + now
                    + " (producers are still writing to the old cluster)");
          }
        });
    return out;
  }
}
