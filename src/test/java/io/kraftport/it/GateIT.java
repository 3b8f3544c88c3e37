package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.local.LocalStack;
import io.kraftport.local.SharedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-cutover gate on the real servers: closed while a group lags or the target cannot take
 * acks=all.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GateIT {
  static LocalStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
  }

  static Admin admin(String bootstrap) {
    return Admin.create(Map.of("bootstrap.servers", bootstrap));
  }

  private static void produce(String topic, int partitions, int perPartition) {
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                stack.sourceBootstrap(),
                "key.serializer",
                StringSerializer.class.getName(),
                "value.serializer",
                StringSerializer.class.getName()))) {
      for (int part = 0; part < partitions; part++) {
        for (int i = 0; i < perPartition; i++) {
          p.send(new ProducerRecord<>(topic, part, "k" + i, "v" + i));
        }
      }
      p.flush();
    }
  }

  /**
   * Commits the group's offsets: the end of every partition, minus {@code behind} on partition 0.
   */
  private static void commit(String group, String topic, int partitions, long behind)
      throws Exception {
    try (Admin admin = admin(stack.sourceBootstrap())) {
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach(
              (tp, info) ->
                  offsets.put(
                      tp,
                      new OffsetAndMetadata(
                          tp.partition() == 0 ? info.offset() - behind : info.offset())));
      admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
    }
  }

  private String[] gate(String prefix, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "gate",
                "--source-bootstrap-server",
                stack.sourceBootstrap(),
                "--target-bootstrap-server",
                stack.targetBootstrap(),
                "--include",
                Pattern.quote(prefix) + ".*",
                "--no-registry",
                "--groups",
                Pattern.quote(prefix) + ".*"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void closedWhileAGroupLagsOpenOnceItCatchesUp() throws Exception {
    String prefix = "g" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String topic = prefix + "events";
    String group = prefix + "billing";
    try (Admin admin = admin(stack.sourceBootstrap())) {
      admin
          .createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    produce(topic, 3, 10);
    commit(group, topic, 3, 4);
    JarRunner.Run imported =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--snapshot",
            export(prefix).toString());
    assertThat(imported.code()).as(imported.all()).isZero();

    JarRunner.Run closed = JarRunner.run(gate(prefix, "--source-jmx", stack.source().jmxAddress()));
    assertThat(closed.code()).as(closed.all()).isEqualTo(1);
    assertThat(closed.out())
        .contains("Gate: CLOSED")
        .containsPattern("source-drained +FAIL")
        .contains(group + ": " + topic + "-0 lag 4")
        .containsPattern("parity +PASS")
        .containsPattern("target-healthy +PASS")
        .containsPattern("clients-ready +PASS");

    commit(group, topic, 3, 0);
    Path junit = dir.resolve("gate.xml");
    Path md = dir.resolve("gate.md");
    Path html = dir.resolve("gate.html");
    Path json = dir.resolve("gate.json");
    // Over the Prometheus JMX exporter alone, as on MSK where there is no JMX: the clean source
    // opens the gate too.
    JarRunner.Run overHttp =
        JarRunner.run(gate(prefix, "--source-metrics-url", stack.sourceMetricsUrl()));
    assertThat(overHttp.code()).as(overHttp.all()).isZero();
    assertThat(overHttp.out())
        .containsPattern(
            "clients-ready +PASS +no client used a request version Kafka 4"
                + " removed \\(1 broker read over Prometheus\\)");

    JarRunner.Run open =
        JarRunner.run(
            gate(
                prefix,
                "--source-jmx",
                stack.source().jmxAddress(),
                "--source-metrics-url",
                stack.sourceMetricsUrl(),
                "--stable-for",
                "2s",
                "--report-junit",
                junit.toString(),
                "--report-md",
                md.toString(),
                "--report-html",
                html.toString(),
                "--report-json",
                json.toString()));
    assertThat(open.code()).as(open.all()).isZero();
    assertThat(open.out()).contains("Gate: OPEN (4 of 4 checks passed)");
    assertThat(Files.readString(junit))
        .contains("<testsuite name=\"kraftport gate\"", "failures=\"0\"");
    assertThat(Files.readString(md)).contains("kraftport gate: OPEN");
    assertThat(Files.readString(html)).contains("kraftport gate: OPEN");
    assertThat(Files.readString(json)).contains("\"verdict\" : \"OPEN\"");
    // The client inventory (KIP-511 connections judged against the table) is in every report
    // format.
    assertThat(open.out()).contains("client apache-kafka-java 4.1.2: ");
    for (Path report : List.of(junit, md, html, json)) {
      assertThat(Files.readString(report))
          .as(report.toString())
          .contains("client apache-kafka-java 4.1.2: ")
          .contains("the Kafka 4 minimum 2.1 of Java kafka-clients");
    }
  }

  @Test
  void closedWhileProducersStillWriteDuringTheWindow() throws Exception {
    String prefix = "w" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String topic = prefix + "events";
    try (Admin admin = admin(stack.sourceBootstrap())) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    produce(topic, 1, 5);
    assertThat(
            JarRunner.run(
                    "import",
                    "--target-bootstrap-server",
                    stack.targetBootstrap(),
                    "--snapshot",
                    export(prefix).toString())
                .code())
        .isZero();
    // Writes until the gate has finished, however long its JVM takes to start on a loaded machine.
    Thread writer =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                produce(topic, 1, 1);
                try {
                  Thread.sleep(300);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    writer.start();
    try {
      JarRunner.Run r = JarRunner.run(gate(prefix, "--stable-for", "3s", "--skip-client-check"));
      assertThat(r.code()).as(r.all()).isEqualTo(1);
      assertThat(r.out())
          .containsPattern("source-drained +FAIL")
          .contains(topic + "-0: end offset moved from")
          .contains("producers are still writing to the old cluster");
    } finally {
      writer.interrupt();
      writer.join();
    }
  }

  @Test
  void closedWhenATargetTopicCannotMeetMinInsyncReplicas() throws Exception {
    String prefix = "i" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String topic = prefix + "strict";
    try (Admin admin = admin(stack.sourceBootstrap())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 2, (short) 1).configs(Map.of("min.insync.replicas", "2"))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    assertThat(
            JarRunner.run(
                    "import",
                    "--target-bootstrap-server",
                    stack.targetBootstrap(),
                    "--snapshot",
                    export(prefix).toString())
                .code())
        .isZero();
    JarRunner.Run r = JarRunner.run(gate(prefix));
    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern("target-healthy +FAIL")
        .contains(topic + "-0: 1 in-sync replicas, below min.insync.replicas=2")
        .contains(topic + "-1: 1 in-sync replicas, below min.insync.replicas=2")
        // Without JMX nothing is measured, and the gate says so instead of passing.
        .containsPattern("clients-ready +FAIL +not measured");
  }

  /**
   * A real 0.10 Java client (from Maven Central) produces to the source with request versions Kafka
   * 4 removed; the source broker counts them in its deprecated-request metric, and the gate reads
   * it over JMX, and over the broker's Prometheus JMX exporter page, and closes.
   */
  @Test
  // The broker's deprecated-request count only grows: the other JMX and Prometheus test must run
  // first.
  @Order(Integer.MAX_VALUE)
  void anOldClientClosesTheGate() throws Exception {
    String prefix = "o" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String topic = prefix + "legacy";
    try (Admin admin = admin(stack.sourceBootstrap())) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    String producer =
        """
        import java.util.Properties;
        import org.apache.kafka.clients.producer.KafkaProducer;
        import org.apache.kafka.clients.producer.ProducerRecord;

        public class OldProducer {
          public static void main(String[] args) throws Exception {
            Properties p = new Properties();
            p.put("bootstrap.servers", args[0]);
            p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
            p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
            p.put("max.block.ms", "10000");
            p.put("request.timeout.ms", "10000");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
              producer.send(new ProducerRecord<>(args[1], "k", "v")).get();
            }
            System.out.println("done");
          }
        }
        """;
    assertThat(runOldClient("0.10.0.1", "OldProducer", producer, stack.sourceBootstrap(), topic))
        .contains("done");

    JarRunner.Run r = JarRunner.run(gate(prefix, "--source-jmx", stack.source().jmxAddress()));
    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern("clients-ready +FAIL +\\d+ clients use request versions Kafka 4 removed")
        .containsPattern("(Produce|Metadata) v\\d+\\): \\d+ requests in removed versions");

    // The same broker's Prometheus JMX exporter page (MSK-style rules: lower-cased, bean names
    // joined), read over
    // HTTP as on MSK, closes it too.
    String page =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.sourceMetricsUrl()))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(page)
        .contains("kafka_network_requestmetrics_deprecatedrequests_total{")
        .contains("kafka_server_socketservermetrics_connections{");
    JarRunner.Run http =
        JarRunner.run(gate(prefix, "--source-metrics-url", stack.sourceMetricsUrl()));
    assertThat(http.code()).as(http.all()).isEqualTo(1);
    assertThat(http.out())
        .contains("refused by the target")
        .containsPattern(
            "clients-ready +FAIL +\\d+ clients use request versions Kafka 4 removed:"
                + " upgrade them before cutover \\(1 broker read over Prometheus\\)")
        // A 0.10 client predates KIP-511, so the broker names it "unknown unknown".
        .containsPattern(
            "\\S+ \\S+ \\((Produce|Metadata) v\\d+\\): \\d+ requests in removed versions");
    // And the verdict is true: the same client cannot produce to the Kafka 4 target.
    try (Admin admin = admin(stack.targetBootstrap())) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    assertThat(runOldClient("0.10.0.1", "OldProducer", producer, stack.targetBootstrap(), topic))
        .doesNotContain("done");
  }

  /**
   * Compiles and runs {@code source} (class {@code main}) against a real old kafka-clients from
   * Maven Central, with {@code bootstrap} and {@code topic} as arguments; returns what it printed.
   */
  private String runOldClient(
      String version, String main, String source, String bootstrap, String topic) throws Exception {
    Path lib = dir.resolve("old-client-" + version);
    for (String artifact :
        List.of("org.apache.kafka:kafka-clients:" + version, "org.slf4j:slf4j-api:1.7.21")) {
      Process mvn =
          new ProcessBuilder(
                  "mvn",
                  "-B",
                  "-q",
                  "dependency:copy",
                  "-Dartifact=" + artifact,
                  "-DoutputDirectory=" + lib)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("mvn.log").toFile())
              .start();
      assertThat(mvn.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(mvn.exitValue()).as(Files.readString(dir.resolve("mvn.log"))).isZero();
    }
    Path file = dir.resolve(main + ".java");
    Files.writeString(file, source);
    String classpath =
        lib.resolve("kafka-clients-" + version + ".jar")
            + java.io.File.pathSeparator
            + lib.resolve("slf4j-api-1.7.21.jar");
    Path log = dir.resolve(main + ".log");
    Process client =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                file.toString(),
                bootstrap,
                topic)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(client.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return Files.readString(log);
  }

  /**
   * A real 0.10.2 consumer joins a group (JoinGroup v1, which Kafka 4.0.0 refused and 4.0.1+
   * accepts again, KAFKA-19444) and fetches with Fetch v3, which Kafka 4 removed. Judged against
   * the 4.0.2 target's ApiVersions, the fetch closes the gate and nothing about joining is held
   * against the client.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aJoinGroupVersionTheTargetAcceptsIsNotHeldAgainstAClient() throws Exception {
    String prefix = "j" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String topic = prefix + "joined";
    try (Admin admin = admin(stack.sourceBootstrap())) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    assertThat(
            runOldClient(
                "0.10.2.2",
                "OldConsumer",
                """
        import java.util.List;
        import java.util.Properties;
        import org.apache.kafka.clients.consumer.KafkaConsumer;

        public class OldConsumer {
          public static void main(String[] args) throws Exception {
            Properties p = new Properties();
            p.put("bootstrap.servers", args[0]);
            p.put("group.id", args[1] + ".group");
            p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
            p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
              consumer.subscribe(List.of(args[1]));
              while (consumer.assignment().isEmpty()) {
                consumer.poll(200);
              }
              consumer.commitSync();
            }
            System.out.println("done");
          }
        }
        """,
                stack.sourceBootstrap(),
                topic))
        .contains("done");

    JarRunner.Run r = JarRunner.run(gate(prefix, "--source-metrics-url", stack.sourceMetricsUrl()));
    // Judged against the target: its Fetch v3 is refused, and no JoinGroup version it used is held
    // against it.
    assertThat(r.out())
        .as(r.all())
        .containsPattern("clients-ready +FAIL")
        .containsPattern("\\(Fetch v3\\): \\d+ requests in removed versions, refused by the target")
        .doesNotContainPattern("\\(JoinGroup v\\d+\\): \\d+ requests in removed versions");

    // The inventory: every client software the source reports, judged against the table and the
    // target.
    JarRunner.Run clients =
        JarRunner.run(
            "clients",
            "--source-bootstrap-server",
            stack.sourceBootstrap(),
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--source-metrics-url",
            stack.sourceMetricsUrl());
    assertThat(clients.code()).as(clients.all()).isEqualTo(1);
    assertThat(clients.out())
        .containsPattern("CLIENT +VERSION +CONNECTIONS +READY +KAFKA 4 MINIMUM +SOURCE")
        // kraftport's own Admin client, connected while it reads: named over KIP-511 and judged by
        // the table.
        .containsPattern(
            "apache-kafka-java +4\\.1\\.2 +\\d+ +yes +2\\.1 \\(ready\\) +Kafka 4\\.0 upgrade notes")
        // The 0.10 clients predate KIP-511: the broker cannot name them, their requests still judge
        // them.
        .containsPattern("unknown +unknown +\\d+ +NO +- +-")
        .containsPattern("unknown unknown: uses .*Fetch v3.*, refused by the target")
        .contains("group " + topic + ".group: no active members")
        .contains("Clients: NOT READY");
  }

  private Path export(String prefix) {
    Path snapshot = dir.resolve("snapshot-" + UUID.randomUUID() + ".json");
    JarRunner.Run r =
        JarRunner.run(
            "export",
            "--source-bootstrap-server",
            stack.sourceBootstrap(),
            "--include",
            Pattern.quote(prefix) + ".*",
            "-o",
            snapshot.toString());
    assertThat(r.code()).as(r.all()).isZero();
    return snapshot;
  }
}
