package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.kafka.ClusterEndpoint;
import io.kraftport.local.LocalStack;
import io.kraftport.local.SampleSeeder;
import io.kraftport.local.SharedStack;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-place path (AWS MSK's UpdateClusterKafkaVersion to a {@code .kraft} version): the
 * ZooKeeper-mode cluster is exported before the move, and after it the snapshot is diffed against
 * the same cluster, now in KRaft mode. Here the ZooKeeper-mode source is the "before" and the KRaft
 * node, holding the same definitions as the move leaves them, is the "after".
 */
@Tag("integration")
class InPlaceMigrationIT {
  static final String DYNAMIC_DEFAULT = "DYNAMIC_DEFAULT_BROKER_CONFIG";
  static LocalStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
  }

  private static void create(String bootstrap, List<NewTopic> topics) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
    return new NewTopic(name, partitions, (short) 1).configs(configs);
  }

  /**
   * A topic as the move leaves it: its own configs, and the values it inherited from the cluster's
   * dynamic broker defaults, which an in-place move keeps (the cluster is the same). The shared
   * target is not this test's to reconfigure, so those are set on the topic instead.
   */
  private static NewTopic moved(
      Snapshot before, String name, int partitions, Map<String, String> configs) {
    Map<String, String> all = new java.util.TreeMap<>(configs);
    before
        .findTopic(name)
        .orElseThrow()
        .configs()
        .forEach(
            (key, v) -> {
              if (DYNAMIC_DEFAULT.equals(v.source())) {
                all.put(key, v.value());
              }
            });
    return topic(name, partitions, all);
  }

  /**
   * {@code kraftport diff --source-snapshot before.json} against the moved cluster; {@code allow}
   * may be null.
   */
  private JarRunner.Run diffAgainstTheMovedCluster(Path before, String prefix, Path allow) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "diff",
                "--source-snapshot",
                before.toString(),
                "--target-bootstrap-server",
                stack.targetBootstrap(),
                "--include",
                Pattern.quote(prefix) + ".*",
                "--no-registry"));
    if (allow != null) {
      args.addAll(List.of("--allow-differences", allow.toString()));
    }
    return JarRunner.run(args.toArray(String[]::new));
  }

  @Test
  void theSnapshotBeforeTheMoveMatchesTheClusterAfterItAndARealDriftFails() throws Exception {
    String prefix = "ip" + UUID.randomUUID().toString().substring(0, 8) + ".";
    // Before: the ZooKeeper-mode cluster, with a dynamic cluster default (the same one the demo
    // sample sets, so
    // the shared source is as other tests leave it) and configs Kafka 4 removed.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.sourceBootstrap()))) {
      SampleSeeder.seed(
          admin,
          new ClusterEndpoint("source", stack.sourceBootstrap(), Duration.ofSeconds(30)),
          new SampleSeeder.Sample(
              "cluster default", Map.of("message.max.bytes", "2097152"), List.of()),
          prefix);
    }
    create(
        stack.sourceBootstrap(),
        List.of(
            topic(prefix + "orders", 3, Map.of("retention.ms", "259200000")),
            topic(
                prefix + "legacy",
                2,
                Map.of(
                    "message.format.version",
                    "2.8",
                    "message.timestamp.difference.max.ms",
                    "3600000")),
            topic(prefix + "events", 1, Map.of("segment.bytes", "104857600"))));
    Path before = dir.resolve("before.json");
    JarRunner.Run export =
        JarRunner.run(
            "export",
            "--source-bootstrap-server",
            stack.sourceBootstrap(),
            "--include",
            Pattern.quote(prefix) + ".*",
            "--no-registry",
            "-o",
            before.toString());
    assertThat(export.code()).as(export.all()).isZero();

    // After: the same definitions in KRaft mode (Kafka 4). The removed configs are gone and the
    // timestamp bound is
    // split in two (both TRANSLATED); the operators changed events' segment size on purpose.
    Snapshot snapshot = SnapshotCodec.read(before);
    assertThat(
            snapshot
                .findTopic(prefix + "orders")
                .orElseThrow()
                .configs()
                .get("max.message.bytes")
                .source())
        .isEqualTo(DYNAMIC_DEFAULT);
    create(
        stack.targetBootstrap(),
        List.of(
            moved(snapshot, prefix + "orders", 3, Map.of("retention.ms", "259200000")),
            moved(
                snapshot,
                prefix + "legacy",
                2,
                Map.of(
                    "message.timestamp.before.max.ms",
                    "3600000",
                    "message.timestamp.after.max.ms",
                    "3600000")),
            moved(snapshot, prefix + "events", 1, Map.of("segment.bytes", "52428800"))));
    // Kafka 4.0 lowered the default of message.timestamp.after.max.ms from unlimited to 1 h: every
    // topic that
    // inherits it behaves differently after the move, and the diff says so instead of hiding it.
    JarRunner.Run unlisted = diffAgainstTheMovedCluster(before, prefix, null);
    assertThat(unlisted.code()).as(unlisted.all()).isEqualTo(1);
    assertThat(unlisted.out())
        .containsPattern(
            "DRIFT +CONFIG +"
                + Pattern.quote(prefix + "orders")
                + " +message\\.timestamp\\.after\\.max\\.ms +9223372036854775807 +3600000");

    // Once the team has reviewed both (the new default, and the segment size they changed), they
    // list them.
    Path allow =
        Files.writeString(
            dir.resolve("accepted.txt"),
            String.join(
                "\n",
                "# Kafka 4.0's default: producers' timestamps at most 1 h ahead",
                "CONFIG " + Pattern.quote(prefix) + ".* message\\.timestamp\\.after\\.max\\.ms",
                "# changed on purpose during the move",
                "CONFIG " + Pattern.quote(prefix + "events") + " segment\\.bytes",
                ""));
    JarRunner.Run parity = diffAgainstTheMovedCluster(before, prefix, allow);
    assertThat(parity.code()).as(parity.all()).isZero();
    assertThat(parity.out())
        .contains("Verdict: PARITY")
        .containsPattern(
            "TRANSLATED +CONFIG +"
                + Pattern.quote(prefix + "legacy")
                + " +message\\.format\\.version")
        .containsPattern(
            "TRANSLATED +CONFIG +"
                + Pattern.quote(prefix + "legacy")
                + " +message\\.timestamp\\.difference\\.max\\.ms")
        .containsPattern(
            "ACCEPTED +CONFIG +" + Pattern.quote(prefix + "events") + " +segment\\.bytes")
        .containsPattern(
            "ACCEPTED +CONFIG +"
                + Pattern.quote(prefix + "orders")
                + " +message\\.timestamp\\.after")
        .doesNotContain("DRIFT ");

    // A real drift: a retention someone changed on the moved cluster, not in the list.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.targetBootstrap()))) {
      ConfigResource orders = new ConfigResource(ConfigResource.Type.TOPIC, prefix + "orders");
      admin
          .incrementalAlterConfigs(
              Map.of(
                  orders,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("retention.ms", "86400000"), AlterConfigOp.OpType.SET))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    JarRunner.Run drift = diffAgainstTheMovedCluster(before, prefix, allow);
    assertThat(drift.code()).as(drift.all()).isEqualTo(1);
    assertThat(drift.out())
        .containsPattern(
            "DRIFT +CONFIG +"
                + Pattern.quote(prefix + "orders")
                + " +retention\\.ms +259200000 +86400000")
        .contains("Verdict: DIFFERENCES (1 drift");
  }
}
