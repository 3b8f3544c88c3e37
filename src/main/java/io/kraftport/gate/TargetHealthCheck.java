package io.kraftport.gate;

import io.kraftport.kafka.ClusterEndpoint;
import io.kraftport.kafka.ClusterReader;
import io.kraftport.kafka.KafkaErrors;
import io.kraftport.plan.TargetWarning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Whether the target can take the traffic: every partition of the given topics has a leader, an
 * in-sync replica set at least as large as the topic's {@code min.insync.replicas}, and no replica
 * out of sync; and no broker creates topics on first use ({@code auto.create.topics.enable}), which
 * would let a client that reaches the target before a topic is there create it with default
 * partitions and configs, silently.
 */
public final class TargetHealthCheck {
  public static final String NAME = "target-healthy";

  private final Admin admin;
  private final ClusterEndpoint endpoint;

  public TargetHealthCheck(Admin admin, ClusterEndpoint endpoint) {
    this.admin = admin;
    this.endpoint = endpoint;
  }

  public CheckResult run(Collection<String> topics) {
    Optional<TargetWarning> autoCreate = new ClusterReader(admin, endpoint).autoTopicCreation();
    if (topics.isEmpty()) {
      return CheckResult.fail(
          NAME,
          "no imported topic found on the target to check",
          autoCreate.map(w -> List.of(w.describe())).orElse(List.of()));
    }
    Map<String, TopicDescription> descriptions =
        new TreeMap<>(
            KafkaErrors.await(
                admin.describeTopics(topics).allTopicNames(),
                endpoint,
                "describe the target's topics"));
    List<ConfigResource> resources =
        topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    Map<ConfigResource, Config> configs =
        KafkaErrors.await(
            admin.describeConfigs(resources).all(),
            endpoint,
            "describe the target's topic configs");
    List<String> problems = new ArrayList<>();
    int partitions = 0;
    for (TopicDescription d : descriptions.values()) {
      ConfigEntry minIsrEntry =
          configs
              .get(new ConfigResource(ConfigResource.Type.TOPIC, d.name()))
              .get("min.insync.replicas");
      int minIsr =
          minIsrEntry == null || minIsrEntry.value() == null
              ? 1
              : Integer.parseInt(minIsrEntry.value());
      for (TopicPartitionInfo p : d.partitions()) {
        partitions++;
        String tp = d.name() + "-" + p.partition();
        if (p.leader() == null || p.leader().isEmpty()) {
          problems.add(tp + ": no leader");
        }
        if (p.isr().size() < minIsr) {
          problems.add(
              tp
                  + ": "
                  + p.isr().size()
                  + " in-sync replicas, below min.insync.replicas="
                  + minIsr
                  + " (producers with acks=all will fail)");
        }
        if (p.isr().size() < p.replicas().size()) {
          problems.add(
              tp
                  + ": under-replicated ("
                  + p.isr().size()
                  + " of "
                  + p.replicas().size()
                  + " replicas in sync)");
        }
      }
    }
    autoCreate.ifPresent(w -> problems.add(w.describe()));
    if (problems.isEmpty()) {
      return CheckResult.pass(
          NAME,
          descriptions.size()
              + " topics, "
              + partitions
              + " partitions: all led, in sync and at or above min.insync.replicas",
          List.of());
    }
    int partitionProblems = problems.size() - (autoCreate.isPresent() ? 1 : 0);
    String summary =
        partitionProblems == 0
            ? TargetWarning.AUTO_CREATE_TOPICS
                + " is "
                + autoCreate.get().value()
                + " on the target ("
                + partitions
                + " partitions otherwise healthy)"
            : partitionProblems
                + " partition problems on the target"
                + (autoCreate.isPresent()
                    ? ", and "
                        + TargetWarning.AUTO_CREATE_TOPICS
                        + " is "
                        + autoCreate.get().value()
                    : "");
    return CheckResult.fail(NAME, summary, problems);
  }
}
