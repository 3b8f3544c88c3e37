package io.kraftport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.schema.ResolvedSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record probe over records in memory: what it counts, what it fails, and what it names. */
class RecordProbeTest {
  private static final ResolvedSchema ORDER =
      new ResolvedSchema(
          "AVRO",
          "{\"type\":\"record\",\"name\":\"R\","
              + "\"fields\":[{\"name\":\"n\",\"type\":\"int\"},{\"name\":\"s\",\"type\":\"string\"}]}",
          Map.of());
  private static final ResolvedSchema ORDER_REFORMATTED =
      new ResolvedSchema(
          "AVRO",
          "{ \"type\": \"record\","
              + " \"name\": \"R\", \"fields\": [ {\"name\": \"n\", \"type\": \"int\"}, {\"name\": \"s\", \"type\": \"string\"}"
              + " ] }",
          Map.of());
  private static final ResolvedSchema OTHER =
      new ResolvedSchema(
          "AVRO",
          "{\"type\":\"record\",\"name\":\"R\","
              + "\"fields\":[{\"name\":\"n\",\"type\":\"long\"}]}",
          Map.of());
  private static final ResolvedSchema KEY = new ResolvedSchema("AVRO", "\"string\"", Map.of());

  // n = 1, s = "hi"; framed with id 1.
  private static final byte[] RECORD = hex("00 00000001 02 04 6869");
  // The string "k1", framed with id 2.
  private static final byte[] KEY_RECORD = hex("00 00000002 04 6b31");
  // Cut inside the string: the header is whole, the payload is not.
  private static final byte[] TRUNCATED = hex("00 00000001 02 04 68");

  /** Records of topics in memory, handed out as a cluster would, with the last N per partition. */
  private static final class Records implements RecordSource {
    final Map<String, Map<Integer, List<byte[][]>>> topics = new LinkedHashMap<>();

    Records add(String topic, int partition, byte[] key, byte[] value) {
      topics
          .computeIfAbsent(topic, t -> new LinkedHashMap<>())
          .computeIfAbsent(partition, p -> new ArrayList<>())
          .add(new byte[][] {key, value});
      return this;
    }

    @Override
    public void readLast(String topic, int lastN, Sink sink) {
      topics
          .getOrDefault(topic, Map.of())
          .forEach(
              (partition, records) -> {
                for (int offset = Math.max(0, records.size() - lastN);
                    offset < records.size();
                    offset++) {
                  sink.accept(partition, offset, records.get(offset)[0], records.get(offset)[1]);
                }
              });
    }
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ProbeReport probe(
      FakeRegistry source, FakeRegistry target, Records records, int lastN) {
    return new RecordProbe(new RoundTrip(), new DefaultSchemaCanon(), source, target)
        .probe(records, List.copyOf(records.topics.keySet()), lastN);
  }

  private static FakeRegistry registry() {
    return new FakeRegistry().with(1, ORDER).with(2, KEY);
  }

  @Test
  void recordsThatReadBackPassAndIdsAreCollected() {
    Records records =
        new Records().add("orders", 0, KEY_RECORD, RECORD).add("orders", 1, null, RECORD);
    // Registries reformat what they store: equal canonical forms are the same schema.
    FakeRegistry target = new FakeRegistry().with(1, ORDER_REFORMATTED).with(2, KEY);

    ProbeReport report = probe(registry(), target, records, 10);

    assertThat(report.differences()).isEmpty();
    assertThat(report.topics())
        .singleElement()
        .isEqualTo(new ProbeReport.TopicProbe("orders", 2, 0, List.of(1, 2), 0));
    assertThat(report.counts())
        .containsEntry("probe total: records read", 2)
        .containsEntry("probe topic orders: schema ids seen", 2)
        .containsEntry("probe total: records failed", 0);
  }

  @Test
  void recordsNotInTheWireFormatAreCountedNotFailed() {
    Records records =
        new Records()
            .add("mixed", 0, text("plain key"), text("{\"plain\":true}"))
            .add("mixed", 0, null, null)
            .add("mixed", 0, hex("00 0000"), hex("01 00000001 00"))
            .add("mixed", 0, null, hex("00 00000000 02"))
            .add("mixed", 0, text("key"), RECORD);

    ProbeReport report = probe(registry(), registry(), records, 100);

    assertThat(report.differences()).isEmpty();
    assertThat(report.topics())
        .singleElement()
        .isEqualTo(new ProbeReport.TopicProbe("mixed", 5, 4, List.of(1), 0));
  }

  @Test
  void aTruncatedRecordFailsAndIsNamedWithItsPartitionAndOffset() {
    Records records =
        new Records()
            .add("orders", 0, null, RECORD)
            .add("orders", 0, null, TRUNCATED)
            .add("orders", 0, null, TRUNCATED);

    ProbeReport report = probe(registry(), registry(), records, 100);

    assertThat(report.topics().get(0).failed()).isEqualTo(2);
    assertThat(report.differences())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isDrift()).isTrue();
              assertThat(d.kind()).isEqualTo(Kind.ROUND_TRIP);
              assertThat(d.resource()).isEqualTo("orders");
              assertThat(d.field()).isEqualTo("value, schema id 1");
              assertThat(d.note())
                  .contains(
                      "2 of 3 records fail",
                      "partition 0 offset 1",
                      "the source's schema cannot read it either");
            });
  }

  @Test
  void anIdThatIsMissingOrAnotherSchemaOnTheTargetFailsEveryRecordCarryingIt() {
    Records records =
        new Records()
            .add("orders", 0, KEY_RECORD, RECORD)
            .add("orders", 0, KEY_RECORD, RECORD)
            .add("orders", 1, text("plain"), text("plain"));
    FakeRegistry target = new FakeRegistry().with(1, OTHER);

    ProbeReport report = probe(registry(), target, records, 100);

    assertThat(report.topics().get(0).failed()).isEqualTo(2);
    assertThat(report.differences())
        .extracting(Difference::field, Difference::actual)
        .contains(tuple("schema id 2", "not found"));
    assertThat(report.differences())
        .filteredOn(d -> "schema id 1".equals(d.field()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.expected()).contains("\"int\"");
              assertThat(d.actual()).contains("\"long\"");
              assertThat(d.note())
                  .contains("2 of 3 records read carry it", "differs from the source's");
            });
    // Read with a long, the int-and-string payload goes wrong; the source's schema reads it.
    assertThat(report.differences())
        .filteredOn(d -> "value, schema id 1".equals(d.field()))
        .singleElement()
        .satisfies(d -> assertThat(d.note()).contains("it reads with the source's schema"));
  }

  @Test
  void onlyTheLastNRecordsOfEachPartitionAreReadAndEachIdIsResolvedOnce() {
    Records records = new Records();
    for (int i = 0; i < 10; i++) {
      records
          .add("orders", 0, null, RECORD)
          .add("orders", 1, null, RECORD)
          .add("payments", 0, null, RECORD);
    }
    FakeRegistry target = registry();

    ProbeReport report = probe(registry(), target, records, 3);

    assertThat(report.topics()).extracting(ProbeReport.TopicProbe::records).containsExactly(6L, 3L);
    assertThat(target.requests).containsExactly("GET /schemas/ids/1");
    assertThat(Arrays.asList(report.counts().keySet().toArray()))
        .startsWith("probe total: records read");
  }
}
