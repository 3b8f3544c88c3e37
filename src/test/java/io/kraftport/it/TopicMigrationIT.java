package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.kafka.ClusterEndpoint;
import io.kraftport.local.LocalStack;
import io.kraftport.local.SampleSeeder;
import io.kraftport.local.SharedStack;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topics moved from a real ZooKeeper-mode Kafka 3.9 broker to a real KRaft Kafka 4 node, through
 * the packaged jar. Every test uses topic names of its own, so the shared servers need no cleaning.
 */
@Tag("integration")
class TopicMigrationIT {
  static LocalStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
  }

  static String prefix() {
    return "it" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  static List<String> seed(String prefix) {
    try (Admin admin = admin(stack.sourceBootstrap())) {
      return SampleSeeder.seed(
          admin,
          new ClusterEndpoint("source", stack.sourceBootstrap(), Duration.ofSeconds(30)),
          SampleSeeder.load("demo-topics.json"),
          prefix);
    }
  }

  static Admin admin(String bootstrap) {
    return Admin.create(Map.of("bootstrap.servers", bootstrap));
  }

  static String regex(String prefix) {
    return java.util.regex.Pattern.quote(prefix) + ".*";
  }

  /** A command with both live sides given by flags; {@code args} start with the subcommand. */
  private String[] both(String... args) {
    String[] sides = {
      "--source-bootstrap-server",
      stack.sourceBootstrap(),
      "--target-bootstrap-server",
      stack.targetBootstrap()
    };
    String[] out = new String[sides.length + args.length];
    out[0] = args[0];
    System.arraycopy(sides, 0, out, 1, sides.length);
    System.arraycopy(args, 1, out, 1 + sides.length, args.length - 1);
    return out;
  }

  @Test
  void exportImportDiffReachesParityAndASecondImportWritesNothing() throws Exception {
    String prefix = prefix();
    List<String> topics = seed(prefix);
    Path snapshot = dir.resolve("snapshot.json");

    JarRunner.Run export =
        JarRunner.run(both("export", "--include", regex(prefix), "-o", snapshot.toString()));
    assertThat(export.code()).as(export.all()).isZero();
    Snapshot s = SnapshotCodec.read(snapshot);
    assertThat(s.topics())
        .extracting(TopicSpec::name)
        .containsExactlyElementsOf(topics.stream().sorted().toList());
    assertThat(s.cluster().mode()).isEqualTo("zookeeper");
    TopicSpec audit = s.findTopic(prefix + "audit.log").orElseThrow();
    assertThat(audit.configs().get("max.message.bytes").source())
        .isEqualTo("DYNAMIC_DEFAULT_BROKER_CONFIG");

    JarRunner.Run second =
        JarRunner.run(
            both("export", "--include", regex(prefix), "-o", dir.resolve("again.json").toString()));
    assertThat(second.code()).isZero();
    assertThat(
            Files.readString(dir.resolve("again.json"))
                .replaceAll("\"exportedAt\" : \"[^\"]+\"", ""))
        .isEqualTo(Files.readString(snapshot).replaceAll("\"exportedAt\" : \"[^\"]+\"", ""));

    JarRunner.Run imported = JarRunner.run(both("import", "--snapshot", snapshot.toString()));
    assertThat(imported.code()).as(imported.all()).isZero();
    assertThat(imported.out()).contains("Imported: " + topics.size() + " created");
    // The removed configs are translated and listed, never dropped silently.
    assertThat(imported.out())
        .contains("translated  message.format.version=2.8 dropped")
        .contains("translated  message.downconversion.enable=false dropped")
        .contains(
            "message.timestamp.difference.max.ms=3600000 -> message.timestamp.after.max.ms=3600000,"
                + " message.timestamp.before.max.ms=3600000")
        .contains("pinned      max.message.bytes=2097152");

    Path report = dir.resolve("diff.json");
    JarRunner.Run diff =
        JarRunner.run(both("diff", "--include", regex(prefix), "--report-json", report.toString()));
    assertThat(diff.code()).as(diff.all()).isZero();
    assertThat(diff.out()).contains("Verdict: PARITY").contains("TRANSLATED");
    assertThat(Files.readString(report)).contains("\"verdict\" : \"PARITY\"");

    try (Admin target = admin(stack.targetBootstrap())) {
      ConfigResource legacy =
          new ConfigResource(ConfigResource.Type.TOPIC, prefix + "legacy.events");
      Config c =
          target.describeConfigs(List.of(legacy)).all().get(30, TimeUnit.SECONDS).get(legacy);
      assertThat(c.get("message.timestamp.before.max.ms").value()).isEqualTo("3600000");
      assertThat(c.get("max.message.bytes").value()).isEqualTo("2097152");
      assertThat(
              target
                  .describeTopics(List.of(prefix + "clickstream"))
                  .allTopicNames()
                  .get(30, TimeUnit.SECONDS)
                  .get(prefix + "clickstream")
                  .partitions())
          .hasSize(24);
    }

    JarRunner.Run again = JarRunner.run(both("import", "--snapshot", snapshot.toString()));
    assertThat(again.code()).as(again.all()).isZero();
    assertThat(again.out())
        .contains("Imported: 0 created, 0 altered, " + topics.size() + " already there");
    assertThat(again.out()).doesNotContain("CREATE ");
  }

  @Test
  void anExistingConflictingTopicIsReportedAndLeftUntouched() throws Exception {
    String prefix = prefix();
    seed(prefix);
    String orders = prefix + "orders";
    try (Admin target = admin(stack.targetBootstrap())) {
      // Waits until the broker lists it: the import reads the target's topics from the broker,
      // which applies a
      // creation a moment after the controller has answered.
      Topics.create(
          target,
          List.of(new NewTopic(orders, 2, (short) 1).configs(Map.of("retention.ms", "1000"))));
    }
    Path snapshot = dir.resolve("snapshot.json");
    assertThat(
            JarRunner.run(both("export", "--include", regex(prefix), "-o", snapshot.toString()))
                .code())
        .isZero();

    JarRunner.Run imported = JarRunner.run(both("import", "--snapshot", snapshot.toString()));
    assertThat(imported.code()).as(imported.all()).isEqualTo(1);
    assertThat(imported.out())
        .containsPattern("CONFLICT +" + java.util.regex.Pattern.quote(orders))
        .contains(orders + ": partitions source=6 target=2")
        .contains(orders + ": config retention.ms source=259200000 target=1000");
    try (Admin target = admin(stack.targetBootstrap())) {
      assertThat(
              target
                  .describeTopics(List.of(orders))
                  .allTopicNames()
                  .get(30, TimeUnit.SECONDS)
                  .get(orders)
                  .partitions())
          .hasSize(2);
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, orders);
      assertThat(
              target
                  .describeConfigs(List.of(r))
                  .all()
                  .get(30, TimeUnit.SECONDS)
                  .get(r)
                  .get("retention.ms")
                  .value())
          .isEqualTo("1000");
      // The other topics were created all the same.
      assertThat(target.listTopics().names().get(30, TimeUnit.SECONDS))
          .contains(prefix + "payments");
    }

    JarRunner.Run altered =
        JarRunner.run(both("import", "--snapshot", snapshot.toString(), "--alter-existing"));
    assertThat(altered.code()).as(altered.all()).isZero();
    assertThat(altered.out()).containsPattern("ALTER +" + java.util.regex.Pattern.quote(orders));
    try (Admin target = admin(stack.targetBootstrap())) {
      assertThat(
              target
                  .describeTopics(List.of(orders))
                  .allTopicNames()
                  .get(30, TimeUnit.SECONDS)
                  .get(orders)
                  .partitions())
          .hasSize(6);
    }
    assertThat(JarRunner.run(both("diff", "--include", regex(prefix))).code()).isZero();
  }

  @Test
  void dryRunFindsWhatTheTargetWouldRefuseAndWritesNothing() throws Exception {
    String prefix = prefix();
    Snapshot snapshot =
        SnapshotCodec.parse(
            """
        {"formatVersion": 1, "cluster": {"clusterId": "x", "brokerCount": 3},
         "topics": [
           {"name": "%1$sbad", "partitions": 1, "replicationFactor": 1,
            "configs": {"cleanup.policy": {"value": "shred", "source": "DYNAMIC_TOPIC_CONFIG"}}},
           {"name": "%1$swide", "partitions": 1, "replicationFactor": 3},
           {"name": "%1$sgood", "partitions": 2, "replicationFactor": 1}]}
        """
                .formatted(prefix),
            "inline");
    Path file = dir.resolve("s.json");
    SnapshotCodec.write(snapshot, file);

    JarRunner.Run dry =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--snapshot",
            file.toString(),
            "--dry-run");
    assertThat(dry.code()).as(dry.all()).isEqualTo(1);
    assertThat(dry.out())
        .containsPattern("REFUSED +" + java.util.regex.Pattern.quote(prefix + "bad"))
        .contains("pass --replication-factor 1 to cap it")
        .contains("Dry run: nothing was written");
    try (Admin target = admin(stack.targetBootstrap())) {
      Set<String> names = target.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(names).doesNotContain(prefix + "good", prefix + "bad", prefix + "wide");
    }

    JarRunner.Run capped =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--snapshot",
            file.toString(),
            "--replication-factor",
            "1",
            "--exclude",
            ".*bad");
    assertThat(capped.code()).as(capped.all()).isZero();
    assertThat(capped.out()).contains("replication factor capped from 3 to 1");
    JarRunner.Run diff =
        JarRunner.run(
            "diff",
            "--source-snapshot",
            file.toString(),
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--include",
            regex(prefix),
            "--exclude",
            ".*bad",
            "--replication-factor",
            "1");
    assertThat(diff.out()).contains("ACCEPTED", "capped by --replication-factor 1");
    assertThat(diff.code()).as(diff.all()).isZero();
  }

  @Test
  void aMalformedSnapshotExits2NamingThePlace() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"formatVersion\": 1, \"cluster\": {\"clusterId\": \"x\", \"brokerCount\": 1},"
            + " \"topics\": [{\"name\": \"t\", \"partitions\": 1, \"replicationFactor\": 1, \"colour\": 1}]}");
    JarRunner.Run r =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--snapshot",
            bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("kraftport: error: " + bad + ": topics[0]: unknown field \"colour\"");
  }

  @Test
  void anUnreachableTargetExits3WithTheAddressWithinTheDefaultTimeout() throws Exception {
    Path snapshot = dir.resolve("empty.json");
    Files.writeString(
        snapshot,
        "{\"formatVersion\": 1, \"cluster\": {\"clusterId\": \"x\", \"brokerCount\": 1}}");
    int port;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    JarRunner.Run r =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            "127.0.0.1:" + port,
            "--snapshot",
            snapshot.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("kraftport: error: target cluster (127.0.0.1:" + port + ")");
    // The contract is "well under a minute" with the default 30 s timeout, not Admin's multi-minute
    // retry.
    assertThat(r.millis()).isLessThan(60_000);
  }
}
