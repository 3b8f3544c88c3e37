package io.kraftport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaType;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A target registry that returns a different schema for the id makes the round-trip fail, naming
 * the field.
 */
class RoundTripMismatchTest {
  private final RoundTrip roundTrip = new RoundTrip();

  private static ResolvedSchema avro(String fields) {
    return new ResolvedSchema(
        "AVRO", "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[" + fields + "]}", Map.of());
  }

  private static ResolvedSchema proto(String body) {
    return new ResolvedSchema("PROTOBUF", "syntax = \"proto3\"; package shop; " + body, Map.of());
  }

  private static ResolvedSchema json(String schema) {
    return new ResolvedSchema("JSON", schema, Map.of());
  }

  private static final ResolvedSchema AVRO_ORDER =
      avro(
          """
      {"name":"id","type":"string"},{"name":"qty","type":"int"},
      {"name":"total","type":{"type":"record","name":"Money","fields":[{"name":"cents","type":"long"}]}}""");
  private static final ResolvedSchema PROTO_ORDER =
      proto(
          "message Order { string id = 1; int32 qty = 2; Money total = 3; } message Money { int64 cents = 1; }");
  private static final ResolvedSchema JSON_ORDER =
      json(
          """
      {"type":"object","properties":{"id":{"type":"string"},"qty":{"type":"integer"}},"required":["id"]}""");

  static Stream<Arguments> changedTargets() {
    return Stream.of(
        Arguments.of(
            "avro: field renamed",
            AVRO_ORDER,
            avro(
                """
            {"name":"key","type":"string"},{"name":"qty","type":"int"},
            {"name":"total","type":{"type":"record","name":"Money","fields":[{"name":"cents","type":"long"}]}}"""),
            "id",
            "<absent>"),
        Arguments.of(
            "avro: int widened to long",
            AVRO_ORDER,
            avro(
                """
            {"name":"id","type":"string"},{"name":"qty","type":"long"},
            {"name":"total","type":{"type":"record","name":"Money","fields":[{"name":"cents","type":"long"}]}}"""),
            "qty",
            "3 (long)"),
        Arguments.of(
            "avro: nested field renamed",
            AVRO_ORDER,
            avro(
                """
            {"name":"id","type":"string"},{"name":"qty","type":"int"},
            {"name":"total","type":{"type":"record","name":"Money","fields":[{"name":"amount","type":"long"}]}}"""),
            "total.cents",
            "<absent>"),
        Arguments.of(
            "avro: last field dropped",
            AVRO_ORDER,
            avro(
                """
            {"name":"id","type":"string"},{"name":"qty","type":"int"}"""),
            "total",
            "<absent>"),
        Arguments.of(
            "avro: fields swapped",
            avro("{\"name\":\"a\",\"type\":\"long\"},{\"name\":\"b\",\"type\":\"long\"}"),
            avro("{\"name\":\"b\",\"type\":\"long\"},{\"name\":\"a\",\"type\":\"long\"}"),
            "a",
            "1000000000003 (long)"),
        Arguments.of(
            "protobuf: field renamed",
            PROTO_ORDER,
            proto(
                "message Order { string key = 1; int32 qty = 2; Money total = 3; } message Money { int64 cents = 1; }"),
            "shop.Order.id",
            "<absent>"),
        Arguments.of(
            "protobuf: field renumbered",
            PROTO_ORDER,
            proto(
                "message Order { string id = 1; int32 qty = 4; Money total = 3; } message Money { int64 cents = 1; }"),
            "shop.Order.qty",
            "<absent>"),
        Arguments.of(
            "protobuf: type changed",
            PROTO_ORDER,
            proto(
                "message Order { string id = 1; int64 qty = 2; Money total = 3; } message Money { int64 cents = 1; }"),
            "shop.Order.qty",
            "2 (int64)"),
        Arguments.of(
            "protobuf: messages reordered",
            PROTO_ORDER,
            proto(
                "message Money { int64 cents = 1; } message Order { string id = 1; int32 qty = 2; Money total = 3; }"),
            "shop.Order",
            "<absent>"),
        Arguments.of(
            "protobuf: a nested type changed",
            PROTO_ORDER,
            proto(
                "message Order { string id = 1; int32 qty = 2; Money total = 3; } message Money { int32 cents = 1; }"),
            "shop.Order.total.cents",
            "(int32)"),
        Arguments.of(
            "protobuf: a second, unrelated message changed",
            proto("message Order { string id = 1; } message Refund { int64 cents = 1; }"),
            proto("message Order { string id = 1; } message Refund { sint64 cents = 1; }"),
            "shop.Refund.cents",
            "(sint64)"),
        Arguments.of(
            "protobuf: string became int64 (another wire type)",
            proto("message Order { string id = 1; }"),
            proto("message Order { int64 id = 1; }"),
            "shop.Order.id",
            "<absent>"),
        Arguments.of(
            "json: property type changed",
            JSON_ORDER,
            json(
                """
            {"type":"object","properties":{"id":{"type":"string"},"qty":{"type":"string"}},"required":["id"]}"""),
            "qty",
            "string"),
        Arguments.of(
            "json: property renamed and required",
            JSON_ORDER,
            json(
                """
            {"type":"object","properties":{"key":{"type":"string"},"qty":{"type":"integer"}},"required":["key"]}"""),
            "(value)",
            "key"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedTargets")
  void aChangedTargetSchemaIsAMismatchNamingTheField(
      String name,
      ResolvedSchema source,
      ResolvedSchema target,
      String field,
      String actualContains) {
    RoundTripResult result = roundTrip.check(source, 9, target);

    assertThat(result.status()).as(result.summary()).isEqualTo(RoundTripResult.Status.MISMATCH);
    assertThat(result.field()).as(result.summary()).isEqualTo(field);
    assertThat(result.actual()).as(result.summary()).contains(actualContains);
    assertThat(result.schemaId()).isEqualTo(9);
  }

  static Stream<Arguments> unreadableTargets() {
    return Stream.of(
        Arguments.of(
            AVRO_ORDER, avro("{\"name\":\"id\",\"type\":\"strin\"}"), "Avro schema does not parse"),
        Arguments.of(
            avro("{\"name\":\"n\",\"type\":\"string\"}"),
            avro("{\"name\":\"n\",\"type\":\"double\"}"),
            "Avro payload does not decode with the target schema"),
        Arguments.of(
            PROTO_ORDER,
            proto("message Order { string id = 1 }"),
            "Protobuf schema does not parse"),
        Arguments.of(
            JSON_ORDER, json("{\"type\":\"objec\"}"), "JSON schema is not a valid JSON Schema"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("unreadableTargets")
  void aTargetSchemaThatCannotReadTheRecordIsUnreadable(
      ResolvedSchema source, ResolvedSchema target, String reason) {
    RoundTripResult result = roundTrip.check(source, 5, target);

    assertThat(result.status()).as(result.summary()).isEqualTo(RoundTripResult.Status.UNREADABLE);
    assertThat(result.reason()).contains(reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedTargets")
  void theSourceSchemaItselfRoundTrips(
      String name, ResolvedSchema source, ResolvedSchema target, String field, String actual) {
    assertThat(roundTrip.check(source, 9, source))
        .isEqualTo(RoundTripResult.ok(9, SchemaType.of(source)));
  }

  @Test
  void aTargetOfAnotherTypeIsAMismatchOfSchemaType() {
    RoundTripResult result = roundTrip.check(AVRO_ORDER, 1, JSON_ORDER);

    assertThat(result)
        .isEqualTo(RoundTripResult.mismatch(1, SchemaType.AVRO, "schemaType", "AVRO", "JSON"));
  }
}
