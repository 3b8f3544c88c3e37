package io.kraftport.local;

import io.kraftport.UnreachableException;
import io.kraftport.kafka.ClusterEndpoint;
import io.kraftport.kafka.KafkaErrors;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Seeds a source cluster from a sample file ({@code samples/demo-topics.json}, packed into the
 * jar): cluster-wide dynamic broker defaults first, then the topics with their configs, all with
 * replication factor 1.
 */
public final class SampleSeeder {
  /** The sample file's content. */
  public record Sample(
      String about, Map<String, String> clusterDefaults, List<SampleTopic> topics) {
    public Sample {
      clusterDefaults = clusterDefaults == null ? Map.of() : Map.copyOf(clusterDefaults);
      topics = topics == null ? List.of() : List.copyOf(topics);
    }
  }

  /** One topic of a sample. */
  public record SampleTopic(String name, int partitions, Map<String, String> configs) {
    public SampleTopic {
      configs = configs == null ? Map.of() : Map.copyOf(configs);
    }
  }

  private SampleSeeder() {}

  /** Reads a sample packed in the jar under {@code io/kraftport/samples/}. */
  public static Sample load(String name) {
    return Samples.read(name, Sample.class);
  }

  /**
   * Applies the sample to the cluster, prefixing every topic name with {@code prefix}; returns the
   * topic names.
   */
  public static List<String> seed(
      Admin admin, ClusterEndpoint endpoint, Sample sample, String prefix) {
    if (!sample.clusterDefaults().isEmpty()) {
      ConfigResource cluster = new ConfigResource(ConfigResource.Type.BROKER, "");
      Collection<AlterConfigOp> ops =
          sample.clusterDefaults().entrySet().stream()
              .map(
                  e ->
                      new AlterConfigOp(
                          new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
              .toList();
      KafkaErrors.await(
          admin.incrementalAlterConfigs(Map.of(cluster, ops)).all(),
          endpoint,
          "set cluster defaults");
      awaitApplied(admin, endpoint, sample.clusterDefaults());
    }
    List<NewTopic> topics =
        sample.topics().stream()
            .map(
                t ->
                    new NewTopic(prefix + t.name(), t.partitions(), (short) 1).configs(t.configs()))
            .toList();
    KafkaErrors.await(admin.createTopics(topics).all(), endpoint, "create the sample topics");
    return topics.stream().map(NewTopic::name).toList();
  }

  /**
   * Waits until every broker has applied the cluster defaults. A ZooKeeper-mode broker answers the
   * alter once the change is in ZooKeeper and applies it when its watcher fires; a topic described
   * before then still shows the old inherited value, so an export right after seeding would race
   * the broker.
   */
  private static void awaitApplied(
      Admin admin, ClusterEndpoint endpoint, Map<String, String> defaults) {
    List<ConfigResource> brokers =
        KafkaErrors.await(admin.describeCluster().nodes(), endpoint, "list the brokers").stream()
            .map(n -> new ConfigResource(ConfigResource.Type.BROKER, n.idString()))
            .toList();
    long deadline = System.nanoTime() + endpoint.timeout().toNanos();
    while (true) {
      Map<ConfigResource, Config> configs =
          KafkaErrors.await(admin.describeConfigs(brokers).all(), endpoint, "describe the brokers");
      boolean applied =
          configs.values().stream()
              .allMatch(
                  c ->
                      defaults.entrySet().stream()
                          .allMatch(
                              e ->
                                  c.get(e.getKey()) != null
                                      && e.getValue().equals(c.get(e.getKey()).value())));
      if (applied) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new UnreachableException(
            endpoint
                + ": the brokers did not apply the cluster defaults "
                + defaults.keySet()
                + " within "
                + endpoint.timeout().toSeconds()
                + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnreachableException(
            endpoint + ": interrupted while waiting for the cluster defaults", e);
      }
    }
  }
}
