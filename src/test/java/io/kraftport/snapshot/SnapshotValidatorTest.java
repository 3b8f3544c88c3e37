package io.kraftport.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotValidatorTest {
  private static final String LONG_NAME = "t".repeat(250);

  /** A snapshot file's text with the given topics and registry subjects (JSON array bodies). */
  static String snapshot(String topics, String subjects) {
    return "{\"formatVersion\":1,\"cluster\":{\"clusterId\":\"abc\",\"brokerCount\":1},"
        + "\"topics\":["
        + topics
        + "],"
        + "\"registry\":{\"flavor\":\"confluent\",\"subjectOverridesKnown\":true,\"subjects\":["
        + subjects
        + "]}}";
  }

  static String topic(String name) {
    return topic(name, 3, 1, "");
  }

  static String topic(String name, int partitions, int replicationFactor, String irregular) {
    return "{\"name\":\""
        + name
        + "\",\"partitions\":"
        + partitions
        + ",\"replicationFactor\":"
        + replicationFactor
        + (irregular.isEmpty() ? "" : ",\"irregularReplicaCounts\":{" + irregular + "}")
        + "}";
  }

  static String subject(String name, String... versions) {
    return "{\"name\":\"" + name + "\",\"versions\":[" + String.join(",", versions) + "]}";
  }

  static String version(int version, int id) {
    return "{\"version\":"
        + version
        + ",\"id\":"
        + id
        + ",\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\"}";
  }

  static Stream<Arguments> impossibleSnapshots() {
    String ok = subject("ok-value", version(1, 1));
    return Stream.of(
        Arguments.of(
            "duplicate topic",
            snapshot(
                String.join(",", topic("a"), topic("orders"), topic("b"), topic("orders")), ok),
            "topics[3].name: duplicate topic \"orders\" (first at topics[1])"),
        Arguments.of(
            "metric-name collision",
            snapshot(String.join(",", topic("x"), topic("clash.a"), topic("clash_a")), ok),
            "topics[2].name: \"clash_a\" collides with \"clash.a\" (topics[1]) in Kafka's metric names"),
        Arguments.of(
            "illegal character",
            snapshot(topic("a b"), ok),
            "topics[0].name: topic name is invalid: 'a b' contains one or more characters other than ASCII"
                + " alphanumerics, '.', '_' and '-'"),
        Arguments.of(
            "name \".\"",
            snapshot(topic("."), ok),
            "topics[0].name: topic name is invalid: '.' is not allowed"),
        Arguments.of(
            "name \"..\"",
            snapshot(topic(".."), ok),
            "topics[0].name: topic name is invalid: '..' is not allowed"),
        Arguments.of(
            "empty name",
            snapshot(topic(""), ok),
            "topics[0].name: topic name is invalid: the empty string is not allowed"),
        Arguments.of(
            "name longer than 249",
            snapshot(topic(LONG_NAME), ok),
            "topics[0].name: topic name is invalid: the length of '"
                + LONG_NAME
                + "' is longer than the max allowed length 249"),
        Arguments.of(
            "no partitions",
            snapshot(topic("a") + "," + topic("b", 0, 1, ""), ok),
            "topics[1].partitions: must be at least 1, was 0"),
        Arguments.of(
            "no replicas",
            snapshot(topic("a", 3, -1, ""), ok),
            "topics[0].replicationFactor: must be at least 1, was -1"),
        Arguments.of(
            "replica count of a partition that does not exist",
            snapshot(topic("a", 3, 2, "\"5\":1"), ok),
            "topics[0].irregularReplicaCounts.5: partition 5 does not exist (the topic has 3 partitions)"),
        Arguments.of(
            "replica count of none",
            snapshot(topic("a", 3, 2, "\"0\":0"), ok),
            "topics[0].irregularReplicaCounts.0: must be at least 1, was 0"),
        Arguments.of(
            "negative schema id",
            snapshot(topic("a"), subject("a-value", version(1, 1), version(2, -4))),
            "registry.subjects[0].versions[1].id: schema id must be positive: -4"),
        Arguments.of(
            "schema id left out (0)",
            snapshot(
                topic("a"),
                ok
                    + ",{\"name\":\"b\",\"versions\":[{\"version\":1,\"schemaType\":\"AVRO\",\"schema\":\"x\"}]}"),
            "registry.subjects[1].versions[0].id: schema id must be positive: 0"),
        Arguments.of(
            "duplicate subject",
            snapshot(topic("a"), String.join(",", ok, subject("b"), ok)),
            "registry.subjects[2].name: duplicate subject \"ok-value\" (first at registry.subjects[0])"),
        Arguments.of(
            "duplicate version",
            snapshot(topic("a"), subject("a-value", version(1, 1), version(1, 2))),
            "registry.subjects[0].versions[1].version: duplicate version 1"
                + " (first at registry.subjects[0].versions[0])"),
        Arguments.of(
            "version 0",
            snapshot(topic("a"), subject("a-value", version(0, 1))),
            "registry.subjects[0].versions[0].version: version must be at least 1: 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("impossibleSnapshots")
  void aSnapshotNoClusterOrRegistryCanHoldIsInvalidInputNamingThePath(
      String name, String text, String problem) {
    assertThatThrownBy(() -> SnapshotCodec.parse(text, "s.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("s.json: " + problem);
  }

  @Test
  void aKeyGivenTwiceIsRefused() {
    String text =
        snapshot("{\"name\":\"a\",\"partitions\":3,\"partitions\":6,\"replicationFactor\":1}", "");
    assertThatThrownBy(() -> SnapshotCodec.parse(text, "s.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("s.json: not valid JSON at line 1, column ")
        .hasMessageEndingWith("Duplicate field 'partitions'");
  }

  @Test
  void whatIsUnusualButPossibleReads() {
    String text =
        snapshot(
            String.join(
                ",",
                topic("__consumer_offsets"),
                topic("orders.dlq"),
                topic("orders-v2"),
                topic("x_y", 3, 3, "\"2\":1")),
            String.join(
                ",",
                subject("a-value", version(1, 7), version(3, 7)),
                // A filtered export keeps a reference to a subject it left out; the import resolves
                // it on the target.
                subject(
                    "b-value",
                    "{\"version\":1,\"id\":8,\"schemaType\":\"AVRO\",\"schema\":\"x\","
                        + "\"references\":[{\"name\":\"A\",\"subject\":\"elsewhere\",\"version\":2}]}"),
                subject(":.ctx:a-value", version(1, 7))));
    assertThatCode(() -> SnapshotCodec.parse(text, "s.json")).doesNotThrowAnyException();
  }

  @Test
  void theGoldenSnapshotStillReads() throws IOException {
    assertThatCode(
            () -> SnapshotCodec.parse(SnapshotCodecTest.resource("golden.json"), "golden.json"))
        .doesNotThrowAnyException();
  }

  @Test
  void aSnapshotBuiltInMemoryIsCheckedAsIfWritten() {
    SchemaVersion negative =
        new SchemaVersion(1, -4, "AVRO", false, List.of(), null, null, "\"string\"");
    Snapshot snapshot =
        new Snapshot(
            Snapshot.FORMAT_VERSION,
            "test",
            null,
            new ClusterInfo("abc", 1, null, null),
            List.of(
                new TopicSpec("clash_a", 1, 1, Map.of(), Map.of()),
                new TopicSpec("clash.a", 1, 1, Map.of(), Map.of())),
            null);
    // Sorted by name in the model: clash.a is topics[0].
    assertThatThrownBy(() -> SnapshotValidator.validate(snapshot))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "topics[1].name: \"clash_a\" collides with \"clash.a\" (topics[0]) in Kafka's metric names");
    RegistrySnapshot registry =
        new RegistrySnapshot(
            null,
            "confluent",
            null,
            null,
            true,
            List.of(),
            List.of(new SubjectSnapshot("a-value", false, null, null, List.of(negative))),
            List.of());
    assertThatThrownBy(
            () -> SnapshotValidator.validate(snapshot.withTopics(List.of()).withRegistry(registry)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("registry.subjects[0].versions[0].id: schema id must be positive: -4");
    assertThat(snapshot.topics()).hasSize(2);
  }
}
