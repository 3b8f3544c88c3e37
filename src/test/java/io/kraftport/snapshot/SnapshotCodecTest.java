package io.kraftport.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotCodecTest {
  @TempDir Path dir;

  static Snapshot sample() {
    var configs = new TreeMap<String, ConfigValue>();
    configs.put("retention.ms", ConfigValue.of("604800000", "DEFAULT_CONFIG"));
    configs.put("cleanup.policy", ConfigValue.of("compact", "DYNAMIC_TOPIC_CONFIG"));
    configs.put("max.message.bytes", ConfigValue.of("2000000", "DYNAMIC_DEFAULT_BROKER_CONFIG"));
    // Given out of order on purpose: the codec must sort.
    return new Snapshot(
        Snapshot.FORMAT_VERSION,
        "test",
        "2026-01-01T00:00:00Z",
        new ClusterInfo("abc", 1, "3.9-IV0", "zookeeper"),
        List.of(
            new TopicSpec("payments", 6, 1, Map.of(2, 2), Map.of()),
            new TopicSpec("orders", 3, 1, Map.of(), configs)),
        null);
  }

  static String resource(String name) throws IOException {
    try (InputStream in = SnapshotCodecTest.class.getResourceAsStream("/snapshots/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesTheGoldenFile() throws IOException {
    assertThat(SnapshotCodec.toJson(sample())).isEqualTo(resource("golden.json"));
  }

  @Test
  void readsWhatItWrites() throws IOException {
    Path f = dir.resolve("s.json");
    SnapshotCodec.write(sample(), f);
    Snapshot back = SnapshotCodec.read(f);
    assertThat(back).isEqualTo(sample());
    assertThat(SnapshotCodec.toJson(back)).isEqualTo(Files.readString(f));
    assertThat(back.findTopic("orders").orElseThrow().overrides())
        .containsOnlyKeys("cleanup.policy");
  }

  @Test
  void anApicurioSnapshotSaysItsCompatibilityOverridesAreKnownAndAnOlderOneDoesNot()
      throws IOException {
    RegistrySnapshot apicurio =
        new RegistrySnapshot(
            "http://r/apis/ccompat/v7",
            "apicurio",
            "BACKWARD",
            "READWRITE",
            false,
            true,
            List.of(),
            List.of(
                new SubjectSnapshot(
                    "a-value",
                    false,
                    "NONE",
                    null,
                    List.of(
                        new SchemaVersion(
                            1, 1, "AVRO", false, List.of(), null, null, "\"string\"")))),
            List.of());
    Path f = dir.resolve("r.json");
    SnapshotCodec.write(sample().withRegistry(apicurio), f);
    String json = Files.readString(f);
    assertThat(json).contains("\"subjectCompatibilityKnown\" : true");
    RegistrySnapshot back = SnapshotCodec.read(f).registry();
    assertThat(back).isEqualTo(apicurio);
    assertThat(back.compatibilityOverridesKnown()).isTrue();

    Path older = dir.resolve("older.json");
    Files.writeString(older, json.replace("\"subjectCompatibilityKnown\" : true,", ""));
    assertThat(SnapshotCodec.read(older).registry().compatibilityOverridesKnown()).isFalse();
    // Where every override is known the flag adds nothing and is left out.
    assertThat(
            SnapshotCodec.toJson(
                sample()
                    .withRegistry(
                        new RegistrySnapshot(
                            "http://r",
                            "confluent",
                            "BACKWARD",
                            "READWRITE",
                            true,
                            true,
                            List.of(),
                            List.of(),
                            List.of()))))
        .doesNotContain("subjectCompatibilityKnown");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown field|\"topics\" : [|\"topics\" : [{\"name\":\"x\",\"partitions\":1,\"replicationFactor\":1,"
            + "\"colour\":\"red\"},|topics[0]: unknown field \"colour\"",
        "bad partitions|\"partitions\" : 3|\"partitions\" : 0|topics[0].partitions: must be at least 1, was 0",
        "wrong type|\"partitions\" : 3|\"partitions\" : \"three\"|topics[0].partitions:",
        "wrong version|\"formatVersion\" : 1|\"formatVersion\" : 7|formatVersion: 7 is not supported",
        "not json|\"topics\" : [|\"topics\" : [[[|not valid JSON at line",
      })
  void refusesMalformedInputNamingThePlace(String name, String find, String replace, String message)
      throws IOException {
    String text = resource("golden.json").replace(find, replace);
    assertThat(text).isNotEqualTo(resource("golden.json"));
    assertThatThrownBy(() -> SnapshotCodec.parse(text, "s.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("s.json: ")
        .hasMessageContaining(message);
  }

  @Test
  void aMissingFileIsAnInputError() {
    assertThatThrownBy(() -> SnapshotCodec.read(dir.resolve("none.json")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
  }
}
