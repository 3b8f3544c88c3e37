package io.kraftport.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.RegistryDiffer;
import io.kraftport.local.ApicurioNode;
import io.kraftport.local.LocalStack;
import io.kraftport.local.SharedStack;
import io.kraftport.registry.Contexts;
import io.kraftport.registry.RegisterRequest;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import io.kraftport.roundtrip.LiveRegistryView;
import io.kraftport.roundtrip.RoundTrip;
import io.kraftport.roundtrip.SampleGenerator;
import io.kraftport.schema.ResolvedSchema;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift matrix on real servers: a fixture of topics (Kafka 3.9 ZooKeeper source) and subjects
 * (the shared Apicurio source) under a fresh prefix, migrated once to the KRaft 4 target and a
 * fresh Apicurio target; the faithful copy must diff to parity, records sampled included. Then each
 * case changes one resource on the target (or the source) and a diff restricted to it must exit 1,
 * naming the resource and the kind of drift in its JSON report; a last diff over the whole fixture
 * must name every case. Registry-wide settings change only on the fresh target, so no other test
 * sees them.
 */
@Tag("integration")
class DriftMatrixIT {
  private static final String NO_TOPICS = "no-topic-is-called-this";
  private static final String NO_SUBJECTS = "no-subject-is-called-this";

  /** A schema id neither registry has: Apicurio counts ids up from 1. */
  private static final int UNKNOWN_ID = 2_000_000_000;

  static LocalStack stack;
  static ApicurioNode targetRegistry;
  static RegistryClient source;
  static RegistryClient target;
  static Admin sourceAdmin;
  static Admin targetAdmin;
  @TempDir static Path dir;
  static String prefix;
  static String sourceGlobal;
  static String sourceGlobalMode;

  @BeforeAll
  static void migrateTheFixture() throws Exception {
    stack = SharedStack.get();
    prefix = "dm" + UUID.randomUUID().toString().substring(0, 8);
    targetRegistry = stack.startRegistry();
    source = RegistryClient.create(RegistrySettings.of(stack.sourceRegistryUrl()));
    target = RegistryClient.create(RegistrySettings.of(targetRegistry.ccompatUrl()));
    sourceAdmin = Admin.create(Map.of("bootstrap.servers", stack.sourceBootstrap()));
    targetAdmin = Admin.create(Map.of("bootstrap.servers", stack.targetBootstrap()));
    sourceGlobal = source.globalCompatibility();
    sourceGlobalMode = source.globalMode();

    Topics.create(
        sourceAdmin,
        List.of(
            topic("override-changed", 1, Map.of("retention.ms", "86400000")),
            topic("override-removed", 1, Map.of("retention.bytes", "1048576")),
            topic("override-added", 1, Map.of()),
            topic("cleanup-policy", 1, Map.of("cleanup.policy", "compact")),
            topic("min-isr", 1, Map.of()),
            topic("partitions", 2, Map.of()),
            topic("deleted", 1, Map.of()),
            topic("source-changed", 1, Map.of("retention.ms", "86400000")),
            topic("records", 1, Map.of())));
    for (String s :
        List.of(
            "version-deleted",
            "subject-soft-deleted",
            "version-added",
            "subject-deleted",
            "compatibility-changed",
            "compatibility-to-none",
            "compatibility-from-none",
            "source-version",
            "records")) {
      register(source, s, 1);
    }
    register(source, "version-deleted", 2);
    register(source, "subject-soft-deleted", 2);
    source.setSubjectCompatibility(subject("compatibility-changed"), "BACKWARD");
    source.setSubjectCompatibility(subject("compatibility-from-none"), "NONE");
    produce(framedRecord(), "records");

    Path snapshot = dir.resolve("snapshot.json");
    JarRunner.Run export =
        InProcess.run(
            "export",
            "--source-bootstrap-server",
            stack.sourceBootstrap(),
            "--source-registry-url",
            stack.sourceRegistryUrl(),
            "--include",
            topics(),
            "--subject-include",
            subjects(),
            "-o",
            snapshot.toString());
    assertThat(export.code()).as(export.all()).isZero();
    JarRunner.Run imported =
        InProcess.run(
            "import",
            "--target-bootstrap-server",
            stack.targetBootstrap(),
            "--target-registry-url",
            targetRegistry.ccompatUrl(),
            "--snapshot",
            snapshot.toString());
    assertThat(imported.code()).as(imported.all()).isZero();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c :
        new AutoCloseable[] {source, target, sourceAdmin, targetAdmin, targetRegistry}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing what the test opened; nothing to report
      }
    }
  }

  private static String topic(String name) {
    return prefix + "." + name;
  }

  private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
    return new NewTopic(topic(name), partitions, (short) 1).configs(configs);
  }

  private static String subject(String name) {
    return prefix + "-" + name + "-value";
  }

  private static String topics() {
    return Pattern.quote(prefix + ".") + ".*";
  }

  private static String subjects() {
    return Pattern.quote(prefix + "-") + ".*";
  }

  /**
   * Registers version {@code version} of a subject's record: each later version adds a field with a
   * default.
   */
  private static int register(RegistryClient client, String name, int version) {
    StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"string\"}");
    for (int i = 2; i <= version; i++) {
      fields.append(",{\"name\":\"f").append(i).append("\",\"type\":\"int\",\"default\":0}");
    }
    String schema =
        "{\"type\":\"record\",\"name\":\""
            + name.replace("-", "_")
            + "\",\"namespace\":\""
            + prefix
            + "\",\"fields\":["
            + fields
            + "]}";
    return client.register(
        subject(name), new RegisterRequest(schema, "AVRO", List.of(), null, null, null, null));
  }

  /** A record of the records subject in the Confluent wire format, as a producer writes it. */
  private static byte[] framedRecord() {
    int id = source.version(subject("records"), 1, false).id();
    ResolvedSchema schema =
        new LiveRegistryView(source).findSchema(Contexts.DEFAULT, id).orElseThrow();
    return new RoundTrip().serialize(new SampleGenerator().generate(schema), schema, id);
  }

  private static void produce(byte[] value, String name) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", stack.sourceBootstrap(), "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic(name), 0, null, value));
      producer.flush();
    }
  }

  /** A diff of the fixture's resources given (topics and subjects as regular expressions). */
  private static DiffRun diff(String topics, String subjects, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--source-bootstrap-server",
                stack.sourceBootstrap(),
                "--target-bootstrap-server",
                stack.targetBootstrap(),
                "--source-registry-url",
                stack.sourceRegistryUrl(),
                "--target-registry-url",
                targetRegistry.ccompatUrl(),
                "--include",
                topics,
                "--subject-include",
                subjects));
    args.addAll(List.of(more));
    return DiffRun.run(dir, args);
  }

  private static List<DriftCase> cases() {
    return List.of(
        DriftCase.on(
                "topic override changed",
                topic("override-changed"),
                Kind.CONFIG,
                () ->
                    Topics.setConfig(
                        targetAdmin, topic("override-changed"), "retention.ms", "3600000"))
            .field("retention.ms"),
        DriftCase.on(
                "topic override removed",
                topic("override-removed"),
                Kind.CONFIG,
                () ->
                    Topics.deleteConfig(targetAdmin, topic("override-removed"), "retention.bytes"))
            .field("retention.bytes"),
        DriftCase.on(
                "topic override added",
                topic("override-added"),
                Kind.CONFIG,
                () ->
                    Topics.setConfig(
                        targetAdmin, topic("override-added"), "max.message.bytes", "2000000"))
            .field("max.message.bytes"),
        DriftCase.on(
                "cleanup.policy changed",
                topic("cleanup-policy"),
                Kind.CONFIG,
                () ->
                    Topics.setConfig(
                        targetAdmin, topic("cleanup-policy"), "cleanup.policy", "delete"))
            .field("cleanup.policy"),
        DriftCase.on(
                "min.insync.replicas changed",
                topic("min-isr"),
                Kind.CONFIG,
                () -> Topics.setConfig(targetAdmin, topic("min-isr"), "min.insync.replicas", "2"))
            .field("min.insync.replicas"),
        DriftCase.on(
            "partitions raised",
            topic("partitions"),
            Kind.PARTITIONS,
            () -> Topics.raisePartitions(targetAdmin, topic("partitions"), 4)),
        DriftCase.on(
            "topic deleted",
            topic("deleted"),
            Kind.TOPIC_MISSING,
            () -> Topics.delete(targetAdmin, topic("deleted"))),
        DriftCase.on(
            "extra topic",
            topic("extra"),
            Kind.TOPIC_EXTRA,
            () -> Topics.create(targetAdmin, List.of(topic("extra", 1, Map.of())))),
        DriftCase.on(
            "new source topic after import",
            topic("source-added"),
            Kind.TOPIC_MISSING,
            () -> Topics.create(sourceAdmin, List.of(topic("source-added", 1, Map.of())))),
        DriftCase.on(
                "source override changed after import",
                topic("source-changed"),
                Kind.CONFIG,
                () ->
                    Topics.setConfig(
                        sourceAdmin, topic("source-changed"), "retention.ms", "7200000"))
            .field("retention.ms"),
        DriftCase.on(
                "sampled record with a schema id neither registry knows",
                topic("records"),
                Kind.ROUND_TRIP,
                () ->
                    produce(
                        ByteBuffer.allocate(9).put((byte) 0).putInt(UNKNOWN_ID).putInt(42).array(),
                        "records"))
            .field(Integer.toString(UNKNOWN_ID)),
        DriftCase.on(
                "version soft-deleted",
                subject("version-deleted"),
                Kind.VERSION_DELETED,
                () -> target.softDeleteVersion(subject("version-deleted"), 1))
            .at(subject("version-deleted") + "/1"),
        DriftCase.on(
            "whole subject soft-deleted",
            subject("subject-soft-deleted"),
            Kind.SUBJECT_DELETED,
            () -> Apicurio.deleteSubject(targetRegistry, subject("subject-soft-deleted"), false)),
        DriftCase.on(
            "version added",
            subject("version-added"),
            Kind.VERSIONS,
            () -> register(target, "version-added", 2)),
        DriftCase.on(
            "subject deleted",
            subject("subject-deleted"),
            Kind.SUBJECT_MISSING,
            () -> {
              Apicurio.deleteSubject(targetRegistry, subject("subject-deleted"), false);
              Apicurio.deleteSubject(targetRegistry, subject("subject-deleted"), true);
            }),
        DriftCase.on(
            "subject compatibility changed",
            subject("compatibility-changed"),
            Kind.COMPATIBILITY,
            () -> target.setSubjectCompatibility(subject("compatibility-changed"), "FULL")),
        DriftCase.on(
            "subject compatibility set to an explicit NONE",
            subject("compatibility-to-none"),
            Kind.COMPATIBILITY,
            () -> target.setSubjectCompatibility(subject("compatibility-to-none"), "NONE")),
        DriftCase.on(
            "subject compatibility explicit NONE removed",
            subject("compatibility-from-none"),
            Kind.COMPATIBILITY,
            () ->
                Apicurio.deleteCompatibilityRule(
                    targetRegistry, subject("compatibility-from-none"))),
        DriftCase.on(
            "extra subject",
            subject("extra"),
            Kind.SUBJECT_EXTRA,
            () -> register(target, "extra", 1)),
        DriftCase.on(
            "new source version after import",
            subject("source-version"),
            Kind.VERSIONS,
            () -> register(source, "source-version", 2)),
        // Registry-wide settings last, as they drift in every diff after them; only the fresh
        // target changes.
        DriftCase.on(
            "global compatibility changed",
            RegistryDiffer.REGISTRY,
            Kind.COMPATIBILITY,
            () -> target.setGlobalCompatibility(otherLevel())),
        DriftCase.on(
            "global mode changed",
            RegistryDiffer.REGISTRY,
            Kind.MODE,
            () -> target.setGlobalMode("READONLY", false)));
  }

  private static String otherLevel() {
    return "FULL".equals(sourceGlobal) ? "FORWARD" : "FULL";
  }

  @TestFactory
  Stream<DynamicTest> everyDriftIsCaughtAndTheFaithfulCopyHasNone() {
    List<DriftCase> cases = cases();
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "faithful copy: parity, sampled records included",
            () -> {
              DiffRun run = diff(topics(), subjects(), "--sample-records", "10");
              assertThat(run.code()).as(run.describe()).isZero();
              assertThat(run.drifts()).as(run.describe()).isEmpty();
              assertThat(run.out())
                  .contains(
                      "Verdict: PARITY", "probe topic " + topic("records") + ": records failed: 0");
            }));
    for (DriftCase c : cases) {
      tests.add(
          DynamicTest.dynamicTest(
              c.name(),
              () -> {
                c.mutation().apply();
                boolean isTopic = c.scope().startsWith(prefix + ".");
                boolean global = c.scope().equals(RegistryDiffer.REGISTRY);
                DiffRun run =
                    diff(
                        isTopic ? Pattern.quote(c.scope()) : NO_TOPICS,
                        isTopic || global ? NO_SUBJECTS : Pattern.quote(c.scope()),
                        c.kind() == Kind.ROUND_TRIP
                            ? new String[] {"--sample-records", "10"}
                            : new String[0]);
                c.assertFound(run);
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "every case at once",
            () -> {
              DiffRun run = diff(topics(), subjects(), "--sample-records", "10");
              assertThat(run.code()).as(run.describe()).isEqualTo(1);
              for (DriftCase c : cases) {
                assertThat(run.drifts()).as(c.name() + ": " + run.describe()).anyMatch(c::matches);
              }
              // Beyond the cases' own resources, only what the new global settings imply: on
              // Apicurio, which cannot tell a
              // subject's own level or mode from the global one, a subject that inherits now has
              // another effective one.
              assertThat(run.drifts())
                  .as(run.describe())
                  .allMatch(
                      d ->
                          DiffRun.isCount(d)
                              || cases.stream().anyMatch(c -> DriftCase.within(d, c.scope()))
                              || followsTheGlobalSettings(d));
            }));
    return tests.stream();
  }

  private static boolean followsTheGlobalSettings(Difference d) {
    return d.kind() == Kind.COMPATIBILITY
            && sourceGlobal.equals(d.expected())
            && otherLevel().equals(d.actual())
        || d.kind() == Kind.MODE
            && Objects.equals(sourceGlobalMode, d.expected())
            && "READONLY".equals(d.actual());
  }
}
