package io.kraftport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.schema.ResolvedSchema;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One Avro schema per feature: its generated record must exercise the feature and survive the
 * round-trip.
 */
class AvroRoundTripTest {
  private final RoundTrip roundTrip = new RoundTrip();
  private final SampleGenerator generator = new SampleGenerator();

  static ResolvedSchema avro(String fields) {
    return new ResolvedSchema(
        "AVRO",
        "{\"type\":\"record\",\"name\":\"Sample\",\"namespace\":\"com.acme\",\"fields\":["
            + fields
            + "]}",
        Map.of());
  }

  private static Object field(Object record, String name) {
    return ((GenericRecord) record).get(name);
  }

  static Stream<Arguments> features() {
    return Stream.of(
        feature(
            "primitives",
            avro(
                """
            {"name":"i","type":"int"},{"name":"l","type":"long"},{"name":"f","type":"float"},
            {"name":"d","type":"double"},{"name":"b","type":"boolean"},{"name":"s","type":"string"},
            {"name":"n","type":"null"}"""),
            r -> assertThat(field(r, "l")).isInstanceOf(Long.class).isNotEqualTo(0L)),
        feature(
            "nested records",
            avro(
                """
            {"name":"customer","type":{"type":"record","name":"Customer","fields":[
              {"name":"name","type":"string"},
              {"name":"address","type":{"type":"record","name":"Address","fields":[{"name":"city","type":"string"}]}}
            ]}}"""),
            r -> assertThat(field(field(field(r, "customer"), "address"), "city")).isNotNull()),
        feature(
            "arrays",
            avro(
                """
            {"name":"tags","type":{"type":"array","items":"string"}},
            {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
              {"name":"sku","type":"string"},{"name":"qty","type":"int"}]}}}"""),
            r -> assertThat((List<?>) field(r, "lines")).hasSize(2)),
        feature(
            "maps",
            avro(
                """
            {"name":"attributes","type":{"type":"map","values":"long"}},
            {"name":"nested","type":{"type":"map","values":{"type":"array","items":"double"}}}"""),
            r ->
                assertThat(((Map<?, ?>) field(r, "attributes")).keySet())
                    .hasToString("[key1, key2]")),
        feature(
            "unions including null",
            avro(
                """
            {"name":"maybe","type":["null","string"],"default":null},
            {"name":"either","type":["int","string"]},
            {"name":"optionalRecord","type":["null",{"type":"record","name":"Note","fields":[
              {"name":"text","type":"string"}]}]}"""),
            r -> assertThat(field(r, "optionalRecord")).isInstanceOf(GenericRecord.class)),
        feature(
            "enums",
            avro(
                """
            {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID","SHIPPED"]}}"""),
            r -> assertThat(field(r, "status")).hasToString("SHIPPED")),
        feature(
            "fixed",
            avro(
                """
            {"name":"hash","type":{"type":"fixed","name":"Md5","size":16}}"""),
            r -> assertThat(((GenericData.Fixed) field(r, "hash")).bytes()).hasSize(16)),
        feature(
            "bytes",
            avro(
                """
            {"name":"blob","type":"bytes"}"""),
            r -> assertThat(((ByteBuffer) field(r, "blob")).remaining()).isEqualTo(3)),
        feature(
            "logical types",
            avro(
                """
            {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
            {"name":"rate","type":{"type":"fixed","name":"Rate","size":8,
              "logicalType":"decimal","precision":12,"scale":4}},
            {"name":"day","type":{"type":"int","logicalType":"date"}},
            {"name":"atMillis","type":{"type":"int","logicalType":"time-millis"}},
            {"name":"atMicros","type":{"type":"long","logicalType":"time-micros"}},
            {"name":"createdMillis","type":{"type":"long","logicalType":"timestamp-millis"}},
            {"name":"createdMicros","type":{"type":"long","logicalType":"timestamp-micros"}},
            {"name":"localMillis","type":{"type":"long","logicalType":"local-timestamp-millis"}},
            {"name":"id","type":{"type":"string","logicalType":"uuid"}}"""),
            r -> {
              assertThat(field(r, "price")).isEqualTo(new BigDecimal("1234567.89"));
              assertThat(field(r, "rate")).isInstanceOf(BigDecimal.class);
              assertThat(field(r, "day")).isInstanceOf(LocalDate.class);
              assertThat(field(r, "atMillis")).isInstanceOf(LocalTime.class);
              assertThat(field(r, "createdMicros")).isInstanceOf(Instant.class);
              assertThat(field(r, "localMillis")).isInstanceOf(LocalDateTime.class);
              assertThat(field(r, "id")).isInstanceOf(UUID.class);
            }),
        feature(
            "defaults",
            avro(
                """
            {"name":"qty","type":"int","default":7},
            {"name":"currency","type":"string","default":"EUR"},
            {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B"]},"default":"A"},
            {"name":"since","type":{"type":"int","logicalType":"date"},"default":19000},
            {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":4,"scale":2},
              "default":"\\u0004\\u00d2"}"""),
            r -> {
              assertThat(field(r, "qty")).isEqualTo(7);
              assertThat(field(r, "currency")).hasToString("EUR");
              assertThat(field(r, "kind")).hasToString("A");
              assertThat(field(r, "since")).isEqualTo(LocalDate.ofEpochDay(19000));
              assertThat(field(r, "price")).isEqualTo(new BigDecimal("12.34"));
            }),
        feature(
            "referenced named types",
            new ResolvedSchema(
                "AVRO",
                """
            {"type":"record","name":"Order","namespace":"com.acme","fields":[
              {"name":"total","type":"com.acme.common.Money"},
              {"name":"refund","type":["null","com.acme.common.Money"]}]}""",
                Map.of(
                    "com.acme.common.Money",
                    new ResolvedSchema(
                        "AVRO",
                        """
                {"type":"record","name":"Money","namespace":"com.acme.common","fields":[
                  {"name":"cents","type":"long"},{"name":"currency","type":"com.acme.common.Currency"}]}""",
                        Map.of(
                            "com.acme.common.Currency",
                            new ResolvedSchema(
                                "AVRO",
                                "{\"type\":\"enum\",\"name\":\"Currency\",\"namespace\":\"com.acme.common\","
                                    + "\"symbols\":[\"EUR\",\"USD\"]}",
                                Map.of()))))),
            r -> assertThat(field(field(r, "refund"), "currency")).hasToString("USD")),
        feature(
            "recursive type ends at its null branch",
            avro(
                """
            {"name":"head","type":{"type":"record","name":"Node","fields":[
              {"name":"value","type":"int"},{"name":"next","type":["null","Node"]}]}}"""),
            r -> assertThat(field(field(r, "head"), "next")).isNotNull()),
        feature(
            "deep nesting of distinct records is not cut short",
            avro(deep(9)),
            r -> {
              Object inner = r;
              for (int level = 1; level <= 9; level++) {
                inner = field(inner, "next");
              }
              assertThat(field(inner, "leaf")).isNotNull();
            }),
        feature(
            "non-record root",
            new ResolvedSchema(
                "AVRO",
                "{\"type\":\"array\",\"items\":{\"type\":\"map\",\"values\":\"string\"}}",
                Map.of()),
            r -> assertThat((List<?>) r).hasSize(2)));
  }

  // Records L1..Ln, each holding the next, the last a string leaf: nesting without recursion.
  private static String deep(int levels) {
    String type =
        "{\"type\":\"record\",\"name\":\"L"
            + levels
            + "\",\"fields\":[{\"name\":\"leaf\",\"type\":\"string\"}]}";
    for (int level = levels - 1; level >= 1; level--) {
      type =
          "{\"type\":\"record\",\"name\":\"L"
              + level
              + "\",\"fields\":[{\"name\":\"next\",\"type\":"
              + type
              + "}]}";
    }
    return "{\"name\":\"next\",\"type\":" + type + "}";
  }

  private static Arguments feature(String name, ResolvedSchema schema, Consumer<Object> exercised) {
    return Arguments.of(name, schema, exercised);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("features")
  void generatedRecordExercisesTheFeatureAndRoundTrips(
      String name, ResolvedSchema schema, Consumer<Object> exercised) {
    Sample sample = generator.generate(schema);
    exercised.accept(sample.value());

    RoundTripResult result = roundTrip.check(schema, 42, schema);

    assertThat(result.status()).as(result.summary()).isEqualTo(RoundTripResult.Status.OK);
  }

  @Test
  void samplesAreDeterministic() {
    ResolvedSchema schema =
        avro("{\"name\":\"s\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"long\"}");

    assertThat(generator.generate(schema).value()).isEqualTo(generator.generate(schema).value());
  }

  @Test
  void aRecursiveTypeWithNoWayOutIsRejected() {
    ResolvedSchema schema =
        new ResolvedSchema(
            "AVRO",
            "{\"type\":\"record\",\"name\":\"Loop\",\"fields\":[{\"name\":\"self\",\"type\":\"Loop\"}]}",
            Map.of());

    assertThatThrownBy(() -> generator.generate(schema))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Avro record Loop")
        .hasMessageContaining("nests itself");
  }
}
