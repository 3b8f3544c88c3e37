package io.kraftport.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Changes to topics for the drift matrix, each awaited until the broker describes it: a write
 * acknowledged by the controller (KRaft) or ZooKeeper reaches the broker's metadata a little later,
 * and the diff reads the broker.
 */
final class Topics {
  private static final Duration AWAIT = Duration.ofSeconds(30);

  private Topics() {}

  static void create(Admin admin, List<NewTopic> topics) throws Exception {
    admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    await(
        "topics " + topics + " listed",
        () ->
            admin
                .listTopics()
                .names()
                .get(30, TimeUnit.SECONDS)
                .containsAll(topics.stream().map(NewTopic::name).toList()));
  }

  static void delete(Admin admin, String topic) throws Exception {
    admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    await(
        topic + " gone",
        () -> !admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic));
  }

  static void raisePartitions(Admin admin, String topic, int count) throws Exception {
    admin
        .createPartitions(Map.of(topic, NewPartitions.increaseTo(count)))
        .all()
        .get(30, TimeUnit.SECONDS);
    await(
        topic + " with " + count + " partitions",
        () ->
            admin
                    .describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size()
                == count);
  }

  static void setConfig(Admin admin, String topic, String name, String value) throws Exception {
    alter(admin, topic, new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
    await(topic + " " + name + "=" + value, () -> value.equals(entry(admin, topic, name).value()));
  }

  static void deleteConfig(Admin admin, String topic, String name) throws Exception {
    alter(
        admin, topic, new AlterConfigOp(new ConfigEntry(name, null), AlterConfigOp.OpType.DELETE));
    await(
        topic + " " + name + " inherited",
        () -> entry(admin, topic, name).source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
  }

  private static void alter(Admin admin, String topic, AlterConfigOp op) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    admin.incrementalAlterConfigs(Map.of(r, List.of(op))).all().get(30, TimeUnit.SECONDS);
  }

  private static ConfigEntry entry(Admin admin, String topic, String name) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
    return c.get(name);
  }

  /** Polls {@code condition} until it holds; fails naming {@code what} after {@link #AWAIT}. */
  private static void await(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not seen within " + AWAIT.toSeconds() + " s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
