package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.local.ApicurioNode;
import io.kraftport.local.LocalStack;
import io.kraftport.local.RegistrySeeder;
import io.kraftport.local.SharedStack;
import io.kraftport.registry.Contexts;
import io.kraftport.registry.RegisterRequest;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import io.kraftport.roundtrip.LiveRegistryView;
import io.kraftport.roundtrip.RoundTrip;
import io.kraftport.roundtrip.Sample;
import io.kraftport.roundtrip.SampleGenerator;
import io.kraftport.schema.ResolvedSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serialization round-trips and the live record probe against real servers, through the packaged
 * jar: the demo schemas seeded on the shared source registry, records in the wire format (Avro,
 * Protobuf, JSON Schema, and some that are not) on a fresh source topic, then {@code diff} against
 * a faithful copy and against a registry whose ids are not the source's. Every test uses a fresh
 * prefix for its subjects and topic.
 */
@Tag("integration")
class RoundTripIT {
  private static final int PER_SCHEMA = 10;
  private static final int PLAIN = 5;

  static LocalStack stack;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
  }

  /** The subjects seeded under a prefix and the topic the records went to. */
  private record Seeded(String prefix, String topic, List<RegistrySeeder.Registered> registered) {
    int id(String subject, int version) {
      return registered.stream()
          .filter(r -> r.subject().equals(prefix + subject) && r.version() == version)
          .findFirst()
          .orElseThrow()
          .id();
    }
  }

  /**
   * Seeds the demo schemas and a two-partition topic on the source, and produces records into it.
   */
  private static Seeded seed(String letter) throws Exception {
    String prefix = letter + UUID.randomUUID().toString().substring(0, 8) + "-";
    String topic = prefix + "events";
    Seeded seeded;
    try (RegistryClient client =
        RegistryClient.create(RegistrySettings.of(stack.sourceRegistryUrl()))) {
      seeded =
          new Seeded(
              prefix,
              topic,
              RegistrySeeder.seed(client, RegistrySeeder.load("demo-schemas.json"), prefix));
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.sourceBootstrap()))) {
        admin
            .createTopics(List.of(new NewTopic(topic, 2, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      produce(seeded, new LiveRegistryView(client));
    }
    return seeded;
  }

  /**
   * Avro orders with Avro string keys, Protobuf payments, JSON customers, and plain text,
   * round-robin.
   */
  private static void produce(Seeded seeded, LiveRegistryView source) throws Exception {
    RoundTrip codec = new RoundTrip();
    SampleGenerator generator = new SampleGenerator();
    int keyId = seeded.id("orders-key", 1);
    byte[] key = framed(codec, generator, source, keyId);
    List<byte[]> values =
        List.of(
            framed(codec, generator, source, seeded.id("orders-value", 2)),
            framed(codec, generator, source, seeded.id("payments-value", 1)),
            framed(codec, generator, source, seeded.id("customers-value", 2)));
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < PER_SCHEMA; i++) {
      records.add(new ProducerRecord<>(seeded.topic(), i % 2, key, values.get(0)));
      records.add(new ProducerRecord<>(seeded.topic(), i % 2, null, values.get(1)));
      records.add(new ProducerRecord<>(seeded.topic(), i % 2, null, values.get(2)));
    }
    for (int i = 0; i < PLAIN; i++) {
      records.add(
          new ProducerRecord<>(
              seeded.topic(),
              i % 2,
              ("plain-" + i).getBytes(StandardCharsets.UTF_8),
              "{\"not\":\"framed\"}".getBytes(StandardCharsets.UTF_8)));
    }
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", stack.sourceBootstrap(), "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (ProducerRecord<byte[], byte[]> r : records) {
        producer.send(r);
      }
      producer.flush();
    }
  }

  private static byte[] framed(
      RoundTrip codec, SampleGenerator generator, LiveRegistryView source, int id) {
    ResolvedSchema schema = source.findSchema(Contexts.DEFAULT, id).orElseThrow();
    Sample sample = generator.generate(schema);
    return codec.serialize(sample, schema, id);
  }

  private static String regex(String prefix) {
    return Pattern.quote(prefix) + ".*";
  }

  private static String[] live(String command, Seeded s, String targetRegistry, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--source-bootstrap-server",
                stack.sourceBootstrap(),
                "--target-bootstrap-server",
                stack.targetBootstrap(),
                "--source-registry-url",
                stack.sourceRegistryUrl(),
                "--target-registry-url",
                targetRegistry,
                "--include",
                Pattern.quote(s.topic()),
                "--subject-include",
                regex(s.prefix())));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private Path export(Seeded s) {
    Path snapshot = dir.resolve("source.json");
    JarRunner.Run export =
        JarRunner.run(
            "export",
            "--source-bootstrap-server",
            stack.sourceBootstrap(),
            "--source-registry-url",
            stack.sourceRegistryUrl(),
            "--include",
            Pattern.quote(s.topic()),
            "--subject-include",
            regex(s.prefix()),
            "-o",
            snapshot.toString());
    assertThat(export.code()).as(export.all()).isZero();
    return snapshot;
  }

  @Test
  void aFaithfulCopyRoundTripsAndEverySampledRecordReadsBack() throws Exception {
    Seeded s = seed("t");
    Path snapshot = export(s);
    try (ApicurioNode target = stack.startRegistry()) {
      JarRunner.Run imported =
          JarRunner.run(live("import", s, target.ccompatUrl(), "--snapshot", snapshot.toString()));
      assertThat(imported.code()).as(imported.all()).isZero();

      JarRunner.Run diff =
          JarRunner.run(live("diff", s, target.ccompatUrl(), "--sample-records", "50"));
      assertThat(diff.code()).as(diff.all()).isZero();
      int records = 3 * PER_SCHEMA + PLAIN;
      String topic = "probe topic " + s.topic() + ": ";
      assertThat(diff.out())
          .contains(
              "Verdict: PARITY",
              "round-trips checked: 7",
              "producer lookups checked: 7",
              "compatibility checks run: 7",
              "probe total: records read: " + records,
              topic + "records read: " + records,
              topic + "records not in the wire format: " + PLAIN,
              topic + "schema ids seen: 4",
              topic + "records failed: 0");
      // Apicurio refuses to check the compatibility of a schema with references, on the source as
      // on the target.
      assertThat(diff.out())
          .containsPattern(
              "ACCEPTED +COMPATIBILITY_CHECK +" + Pattern.quote(s.prefix()) + "orders-value/2");

      Path after = dir.resolve("target.json");
      JarRunner.Run exportTarget =
          JarRunner.run(
              "export",
              "--source-bootstrap-server",
              stack.targetBootstrap(),
              "--source-registry-url",
              target.ccompatUrl(),
              "--include",
              Pattern.quote(s.topic()),
              "-o",
              after.toString());
      assertThat(exportTarget.code()).as(exportTarget.all()).isZero();
      JarRunner.Run fromFile =
          JarRunner.run(
              "diff",
              "--source-bootstrap-server",
              stack.sourceBootstrap(),
              "--source-registry-url",
              stack.sourceRegistryUrl(),
              "--target-snapshot",
              after.toString(),
              "--include",
              Pattern.quote(s.topic()),
              "--subject-include",
              regex(s.prefix()),
              "--sample-records",
              "50",
              "--all-versions");
      assertThat(fromFile.code()).as(fromFile.all()).isZero();
      assertThat(fromFile.out())
          .contains(
              "round-trips checked: 9",
              "producer lookups not run (target registry is a snapshot): 8",
              "compatibility checks not run (target registry is a snapshot): 7",
              topic + "records failed: 0");
    }
  }

  @Test
  void aTargetWhoseIdsAreNotTheSourcesFailsNamingTheSubjects() throws Exception {
    Seeded s = seed("w");
    Path snapshot = export(s);
    JarRunner.Run topics =
        JarRunner.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--no-registry",
            "--include",
            Pattern.quote(s.topic()),
            "--snapshot",
            snapshot.toString());
    assertThat(topics.code()).as(topics.all()).isZero();
    try (ApicurioNode target = stack.startRegistry();
        RegistryClient client = RegistryClient.create(RegistrySettings.of(target.ccompatUrl()))) {
      // Registered by hand, as producers would, after an unrelated schema: the same subjects under
      // other ids.
      client.register(
          "unrelated-value",
          new RegisterRequest(
              "{\"type\":\"record\",\"name\":\"U\",\"fields\":"
                  + "[{\"name\":\"u\",\"type\":\"long\"}]}",
              "AVRO",
              List.of(),
              null,
              null,
              null,
              null));
      RegistrySeeder.seed(client, RegistrySeeder.load("demo-schemas.json"), s.prefix());

      JarRunner.Run diff =
          JarRunner.run(live("diff", s, target.ccompatUrl(), "--sample-records", "50"));

      assertThat(diff.code()).as(diff.all()).isEqualTo(1);
      String orders = Pattern.quote(s.prefix() + "orders-value/2");
      assertThat(diff.out())
          .contains("Verdict: DIFFERENCES")
          .containsPattern("DRIFT +SCHEMA_ID +" + orders)
          .containsPattern("DRIFT +ROUND_TRIP +" + orders)
          .containsPattern("DRIFT +PRODUCER_LOOKUP +" + orders)
          .containsPattern(
              "DRIFT +ROUND_TRIP +"
                  + Pattern.quote(s.topic())
                  + " +schema id "
                  + s.id("orders-value", 2));
      assertThat(diff.out()).doesNotContain("probe topic " + s.topic() + ": records failed: 0");
    }
  }
}
