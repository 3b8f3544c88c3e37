package io.kraftport.kafka;

import io.kraftport.plan.TargetWarning;
import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.ConfigValue;
import io.kraftport.snapshot.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Reads a cluster's facts and topics through the Admin API: the export side of a migration, and the
 * live side of a diff. One request per kind of fact for all topics (list, describe, describe
 * configs), never one per topic.
 */
public final class ClusterReader {
  private final Admin admin;
  private final ClusterEndpoint endpoint;

  public ClusterReader(Admin admin, ClusterEndpoint endpoint) {
    this.admin = admin;
    this.endpoint = endpoint;
  }

  public ClusterReader(KafkaAdmins.Connection connection) {
    this(connection.admin(), connection.endpoint());
  }

  /** What the cluster says about itself. */
  public ClusterInfo clusterInfo() {
    DescribeClusterResult cluster = admin.describeCluster();
    String clusterId = KafkaErrors.await(cluster.clusterId(), endpoint, "describe the cluster");
    Collection<Node> nodes = KafkaErrors.await(cluster.nodes(), endpoint, "describe the cluster");
    String mode = null;
    String version = null;
    try {
      FeatureMetadata features = admin.describeFeatures().featureMetadata().get();
      FinalizedVersionRange metadata = features.finalizedFeatures().get("metadata.version");
      if (metadata != null) {
        mode = "kraft";
        version = "metadata.version " + metadata.maxVersionLevel();
      }
    } catch (ExecutionException e) {
      // Older brokers do not answer DescribeFeatures: the version then comes from the broker config
      // below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (mode == null && !nodes.isEmpty()) {
      ConfigResource broker =
          new ConfigResource(ConfigResource.Type.BROKER, nodes.iterator().next().idString());
      Config config =
          KafkaErrors.await(
              admin.describeConfigs(List.of(broker)).values().get(broker),
              endpoint,
              "describe the broker config");
      ConfigEntry ibp = config.get("inter.broker.protocol.version");
      if (ibp != null && ibp.value() != null) {
        version = ibp.value();
      }
      ConfigEntry zk = config.get("zookeeper.connect");
      mode = zk != null && zk.value() != null && !zk.value().isBlank() ? "zookeeper" : null;
    }
    return new ClusterInfo(clusterId, nodes.size(), version, mode);
  }

  /**
   * Whether the brokers create a topic on a producer's or consumer's first use ({@code
   * auto.create.topics.enable}), as each broker reports its effective value (a per-broker or
   * cluster-wide dynamic value overrides the static one): a warning when any broker has it on, or
   * when the setting cannot be read, else empty.
   */
  public Optional<TargetWarning> autoTopicCreation() {
    Collection<Node> nodes =
        KafkaErrors.await(admin.describeCluster().nodes(), endpoint, "describe the cluster");
    List<ConfigResource> brokers =
        nodes.stream()
            .map(n -> new ConfigResource(ConfigResource.Type.BROKER, n.idString()))
            .toList();
    String fix =
        TargetWarning.AUTO_CREATE_TOPICS
            + "=false on the target's brokers (server.properties; it is"
            + " read-only, so a restart applies it)";
    String risk =
        "a client that writes to or reads from a topic before it is imported creates it with the"
            + " broker's default partitions and configs, and import then reports a CONFLICT";
    Map<ConfigResource, Config> configs;
    try {
      configs = admin.describeConfigs(brokers).all().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthorizationException
          || e.getCause() instanceof UnsupportedVersionException) {
        return Optional.of(
            new TargetWarning(
                TargetWarning.AUTO_CREATE_TOPICS,
                "unknown",
                null,
                List.of(),
                "could not be read (" + e.getCause().getMessage() + "); if it is true, " + risk,
                fix));
      }
      throw KafkaErrors.translate(e.getCause(), endpoint, "describe the broker configs");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw KafkaErrors.translate(e, endpoint, "describe the broker configs");
    }
    SortedMap<Integer, ConfigEntry> enabled = new TreeMap<>();
    configs.forEach(
        (resource, config) -> {
          ConfigEntry e = config.get(TargetWarning.AUTO_CREATE_TOPICS);
          if (e != null && "true".equalsIgnoreCase(e.value())) {
            enabled.put(Integer.parseInt(resource.name()), e);
          }
        });
    if (enabled.isEmpty()) {
      return Optional.empty();
    }
    String sources =
        String.join(
            ", ",
            new java.util.TreeSet<>(
                enabled.values().stream().map(e -> e.source().name()).toList()));
    return Optional.of(
        new TargetWarning(
            TargetWarning.AUTO_CREATE_TOPICS,
            "true",
            sources,
            enabled.keySet().stream().map(String::valueOf).toList(),
            risk,
            fix));
  }

  /** The names of the topics the filter selects, sorted. */
  public List<String> topicNames(TopicFilter filter) {
    var names =
        KafkaErrors.await(
            admin.listTopics(new ListTopicsOptions().listInternal(true)).names(),
            endpoint,
            "list topics");
    return names.stream().filter(filter::test).sorted().toList();
  }

  /** Every selected topic with its partitions, replication and configs, sorted by name. */
  public List<TopicSpec> topics(TopicFilter filter) {
    return describe(topicNames(filter));
  }

  /** The given topics (which must exist), sorted by name. */
  public List<TopicSpec> describe(Collection<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, TopicDescription> descriptions =
        KafkaErrors.await(admin.describeTopics(names).allTopicNames(), endpoint, "describe topics");
    List<ConfigResource> resources =
        names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    Map<ConfigResource, Config> configs =
        KafkaErrors.await(
            admin.describeConfigs(resources).all(), endpoint, "describe topic configs");
    List<TopicSpec> out = new ArrayList<>(names.size());
    for (String name : names) {
      out.add(
          toSpec(
              descriptions.get(name),
              configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  static TopicSpec toSpec(TopicDescription description, Config config) {
    List<TopicPartitionInfo> partitions = description.partitions();
    int replicationFactor = replicationFactor(partitions);
    SortedMap<Integer, Integer> irregular = new TreeMap<>();
    for (TopicPartitionInfo p : partitions) {
      if (p.replicas().size() != replicationFactor) {
        irregular.put(p.partition(), p.replicas().size());
      }
    }
    SortedMap<String, ConfigValue> values = new TreeMap<>();
    if (config != null) {
      for (ConfigEntry e : config.entries()) {
        values.put(
            e.name(),
            e.isSensitive()
                ? new ConfigValue(null, e.source().name(), true)
                : ConfigValue.of(e.value(), e.source().name()));
      }
    }
    return new TopicSpec(
        description.name(), partitions.size(), replicationFactor, irregular, values);
  }

  /**
   * The replica count most partitions have (partition 0's on a tie), the way Kafka's tools report a
   * topic's RF.
   */
  static int replicationFactor(List<TopicPartitionInfo> partitions) {
    Map<Integer, Integer> counts = new TreeMap<>();
    for (TopicPartitionInfo p : partitions) {
      counts.merge(p.replicas().size(), 1, Integer::sum);
    }
    int first = partitions.isEmpty() ? 1 : partitions.get(0).replicas().size();
    int best = first;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return Math.max(1, best);
  }
}
