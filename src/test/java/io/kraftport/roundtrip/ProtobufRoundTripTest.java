package io.kraftport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.kraftport.InvalidInputException;
import io.kraftport.schema.ResolvedSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One {@code .proto} per feature: its generated message must exercise the feature and survive the
 * round-trip.
 */
class ProtobufRoundTripTest {
  private final RoundTrip roundTrip = new RoundTrip();
  private final SampleGenerator generator = new SampleGenerator();

  static ResolvedSchema proto(String body) {
    return new ResolvedSchema("PROTOBUF", "syntax = \"proto3\";\npackage shop;\n" + body, Map.of());
  }

  static Object field(Object message, String name) {
    Message m = (Message) message;
    FieldDescriptor field = m.getDescriptorForType().findFieldByName(name);
    return field.isRepeated()
        ? m.getRepeatedFieldCount(field)
        : m.hasField(field) ? m.getField(field) : null;
  }

  static Stream<Arguments> features() {
    return Stream.of(
        feature(
            "scalars",
            proto(
                """
            message Order {
              int32 a = 1; int64 b = 2; uint32 c = 3; uint64 d = 4; sint32 e = 5; sint64 f = 6;
              fixed32 g = 7; fixed64 h = 8; sfixed32 i = 9; sfixed64 j = 10;
              float k = 11; double l = 12; bool m = 13; string n = 14; bytes o = 15;
            }"""),
            m -> assertThat(field(m, "e")).isEqualTo(-5)),
        feature(
            "nested messages",
            proto(
                """
            message Order {
              message Line { string sku = 1; Price price = 2; }
              message Price { int64 cents = 1; }
              Line line = 1;
            }"""),
            m -> assertThat(field(field(field(m, "line"), "price"), "cents")).isNotNull()),
        feature(
            "enums",
            proto(
                """
            enum Status { STATUS_UNSPECIFIED = 0; PAID = 1; SHIPPED = 2; }
            message Order {
              Status status = 1;
              message Inner { enum Kind { K0 = 0; K1 = 1; } Kind kind = 1; }
              Inner inner = 2;
            }
            """),
            m -> assertThat(field(m, "status")).hasToString("SHIPPED")),
        feature(
            "repeated",
            proto(
                """
            message Order { repeated string tags = 1; repeated int64 ids = 2; repeated Line lines = 3; }
            message Line { string sku = 1; }
            """),
            m -> assertThat(field(m, "lines")).isEqualTo(2)),
        feature(
            "maps",
            proto(
                """
            message Order { map<string, int64> counts = 1; map<int32, Line> lines = 2; map<bool, string> flags = 3; }
            message Line { string sku = 1; }
            """),
            m -> assertThat(field(m, "lines")).isEqualTo(2)),
        feature(
            "oneof",
            proto(
                """
            message Order { oneof payment { string card = 1; int64 voucher = 2; } string id = 3; }
            """),
            m ->
                assertThat(
                        ((DynamicMessage) m)
                            .getOneofFieldDescriptor(
                                ((Message) m).getDescriptorForType().getOneofs().get(0)))
                    .isNotNull()),
        feature(
            "proto3 optional",
            proto(
                """
            message Order { optional string note = 1; optional int32 qty = 2; }
            """),
            m -> assertThat(field(m, "note")).isNotNull()),
        feature(
            "well-known types",
            new ResolvedSchema(
                "PROTOBUF",
                """
            syntax = "proto3";
            import "google/protobuf/timestamp.proto";
            import "google/protobuf/duration.proto";
            import "google/protobuf/wrappers.proto";
            import "google/protobuf/struct.proto";
            import "google/protobuf/any.proto";
            import "google/protobuf/field_mask.proto";
            import "google/protobuf/empty.proto";
            message Event {
              google.protobuf.Timestamp at = 1;
              google.protobuf.Duration took = 2;
              google.protobuf.StringValue label = 3;
              google.protobuf.Struct attributes = 4;
              google.protobuf.Any payload = 5;
              google.protobuf.FieldMask mask = 6;
              google.protobuf.Empty nothing = 7;
            }""",
                Map.of()),
            m -> assertThat(field(field(m, "at"), "nanos")).isEqualTo(123_456_789)),
        feature(
            "imports",
            new ResolvedSchema(
                "PROTOBUF",
                """
            syntax = "proto3";
            package shop;
            import "common/money.proto";
            message Order { common.Money total = 1; repeated common.Money refunds = 2; }
            """,
                Map.of(
                    "common/money.proto",
                    new ResolvedSchema(
                        "PROTOBUF",
                        """
                syntax = "proto3";
                package common;
                import "common/currency.proto";
                message Money { int64 cents = 1; Currency currency = 2; }
                """,
                        Map.of(
                            "common/currency.proto",
                            new ResolvedSchema(
                                "PROTOBUF",
                                "syntax = \"proto3\"; package common; enum Currency { EUR = 0; USD = 1; }",
                                Map.of()))))),
            m -> assertThat(field(field(m, "total"), "currency")).hasToString("USD")),
        feature(
            "proto2 with required and defaults",
            new ResolvedSchema(
                "PROTOBUF",
                """
            syntax = "proto2";
            package legacy;
            message Order { required int64 id = 1; optional string note = 2 [default = "none"]; repeated int32 q = 3; }
            """,
                Map.of()),
            m -> assertThat(field(m, "id")).isNotNull()),
        feature(
            "recursive message",
            proto(
                """
            message Node { int32 value = 1; Node next = 2; repeated Node children = 3; }
            """),
            m -> assertThat(field(m, "next")).isNotNull()));
  }

  private static Arguments feature(String name, ResolvedSchema schema, Consumer<Object> exercised) {
    return Arguments.of(name, schema, exercised);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("features")
  void generatedMessageExercisesTheFeatureAndRoundTrips(
      String name, ResolvedSchema schema, Consumer<Object> exercised) {
    Sample sample = generator.generate(schema);
    exercised.accept(sample.value());

    RoundTripResult result = roundTrip.check(schema, 7, schema);

    assertThat(result.status()).as(result.summary()).isEqualTo(RoundTripResult.Status.OK);
  }

  @Test
  void aNestedMessageIsFramedWithItsIndexPath() {
    ResolvedSchema schema =
        proto(
            """
        message Header { string id = 1; }
        message Order { message Line { string sku = 1; } message Note { string text = 1; } }
        """);

    Sample sample = generator.generate(schema, "Order.Note");
    byte[] record = roundTrip.serialize(sample, schema, 3);
    Decoded decoded = roundTrip.decode(record, id -> schema);

    assertThat(sample.messageIndexes()).containsExactly(1, 1);
    // count 2 -> 04, 1 -> 02, 1 -> 02
    assertThat(List.of(record[5], record[6], record[7]))
        .containsExactly((byte) 4, (byte) 2, (byte) 2);
    assertThat(((Message) decoded.value()).getDescriptorForType().getFullName())
        .isEqualTo("shop.Order.Note");
    assertThat(roundTrip.compare(decoded, decoded).passed()).isTrue();
  }

  @Test
  void mapEntryTypesDoNotCountInMessageIndexesAsInConfluent() {
    ResolvedSchema schema =
        proto(
            """
        message Order { map<string, int32> counts = 1; message Line { string sku = 1; } Line line = 2; }
        """);

    assertThat(generator.generate(schema, "shop.Order.Line").messageIndexes())
        .containsExactly(0, 0);
    assertThat(generator.generateEach(schema))
        .extracting(Sample::messageIndexes)
        .containsExactly(List.of(0), List.of(0, 0));
  }

  @Test
  void aFileOfEnumsOnlyHasNoRecordToFrame() {
    ResolvedSchema enums = proto("enum Currency { EUR = 0; USD = 1; }");

    assertThat(generator.generateEach(enums)).isEmpty();
    assertThatThrownBy(() -> generator.generate(enums))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot generate a sample: the Protobuf schema declares no message");
  }

  @Test
  void anUnknownMessageNameIsRejected() {
    assertThatThrownBy(
            () -> generator.generate(proto("message Order { string id = 1; }"), "Missing"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the Protobuf schema declares no message Missing");
  }
}
