package io.kraftport.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultSchemaCanonTest {
  private final SchemaCanon canon = new DefaultSchemaCanon();

  private static ResolvedSchema avro(String text) {
    return new ResolvedSchema("AVRO", text, Map.of());
  }

  private static ResolvedSchema proto(String text) {
    return new ResolvedSchema("PROTOBUF", text, Map.of());
  }

  private static ResolvedSchema json(String text) {
    return new ResolvedSchema("JSON", text, Map.of());
  }

  static Stream<Arguments> equivalentPairs() {
    return Stream.of(
        Arguments.of(
            "avro: whitespace, doc, attribute order",
            avro(
                """
            {"type":"record","name":"Order","namespace":"com.acme","fields":[{"name":"id","type":"long"}]}"""),
            avro(
                """
            {
              "doc": "An order.",
              "fields": [ { "type": "long", "name": "id", "doc": "key" } ],
              "name": "com.acme.Order",
              "type": "record"
            }""")),
        Arguments.of(
            "protobuf: comments, whitespace, qualified names",
            proto(
                """
            syntax = "proto3";
            package acme;
            message Order { int64 id = 1; Line line = 2; }
            message Line { string sku = 1; }
            """),
            proto(
                """
            // Orders placed in the shop.
            syntax = "proto3";
            package acme;

            /* An order. */
            message Order {
              int64 id = 1;      // the key
              .acme.Line line = 2;
            }

            message Line {
              string sku = 1;
            }
            """)),
        Arguments.of(
            "json: key order and whitespace",
            json(
                """
            {"type":"object","properties":{"id":{"type":"integer"},"name":{"type":"string"}},"required":["id"]}"""),
            json(
                """
            {
              "required": ["id"],
              "properties": {
                "name": { "type": "string" },
                "id": { "type": "integer" }
              },
              "type": "object"
            }""")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("equivalentPairs")
  void reformattedSchemasHaveTheSameCanonicalText(String name, ResolvedSchema a, ResolvedSchema b) {
    assertThat(canon.canonical(b)).isEqualTo(canon.canonical(a));
  }

  static Stream<Arguments> changedPairs() {
    return Stream.of(
        Arguments.of(
            "avro: field renamed",
            avro(
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}"),
            avro(
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"key\",\"type\":\"long\"}]}")),
        Arguments.of(
            "avro: type changed",
            avro(
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}"),
            avro(
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}")),
        Arguments.of(
            "protobuf: field number changed",
            proto("syntax = \"proto3\"; message Order { int64 id = 1; }"),
            proto("syntax = \"proto3\"; message Order { int64 id = 2; }")),
        Arguments.of(
            "protobuf: message order changed (changes message indexes)",
            proto("syntax = \"proto3\"; message A { int64 id = 1; } message B { int64 id = 1; }"),
            proto("syntax = \"proto3\"; message B { int64 id = 1; } message A { int64 id = 1; }")),
        Arguments.of(
            "json: property type changed",
            json("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}"),
            json("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}")),
        Arguments.of(
            "json: enum order changed",
            json("{\"enum\":[\"a\",\"b\"]}"),
            json("{\"enum\":[\"b\",\"a\"]}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedPairs")
  void aRealChangeChangesTheCanonicalText(String name, ResolvedSchema a, ResolvedSchema b) {
    assertThat(canon.canonical(b)).isNotEqualTo(canon.canonical(a));
  }

  static Stream<Arguments> brokenSchemas() {
    return Stream.of(
        Arguments.of(
            avro(
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"lung\"}]}"),
            "Avro schema does not parse",
            "lung"),
        Arguments.of(
            avro("{\"type\":\"record\",\"name\":\"Order\""), "Avro schema does not parse", ""),
        Arguments.of(
            proto("syntax = \"proto3\"; message Order { int64 id = 1 }"),
            "Protobuf schema does not parse",
            "expected ';'"),
        Arguments.of(
            proto("syntax = \"proto3\"; message Order { Money total = 1; }"),
            "Protobuf schema does not link",
            "unable to resolve Money"),
        Arguments.of(
            proto(
                "syntax = \"proto3\"; import \"common/money.proto\"; message Order { int64 id = 1; }"),
            "Protobuf import common/money.proto is not among the schema's references",
            ""),
        Arguments.of(json("{\"type\":\"object\",}"), "JSON schema is not valid JSON", ""),
        Arguments.of(
            json("{\"type\":\"strin\"}"), "JSON schema is not a valid JSON Schema", "type"),
        Arguments.of(json("[1, 2]"), "JSON schema must be an object or a boolean", "ARRAY"),
        Arguments.of(
            json("{\"$ref\":\"money.json\"}"), "money.json is not among its references", ""),
        Arguments.of(new ResolvedSchema("XML", "<a/>", Map.of()), "unknown schema type 'XML'", ""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("brokenSchemas")
  void aSchemaThatDoesNotParseIsRejectedWithTheReason(
      ResolvedSchema schema, String what, String detail) {
    assertThatThrownBy(() -> canon.canonical(schema))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(what)
        .hasMessageContaining(detail)
        .message()
        .doesNotContain("\n");
  }

  @Test
  void avroReferencesAreParsedFirstAndInlinedWhereUsed() {
    ResolvedSchema money =
        avro(
            """
        {"type":"record","name":"Money","namespace":"com.acme","fields":[{"name":"cents","type":"long"}]}""");
    ResolvedSchema order =
        new ResolvedSchema(
            "AVRO",
            """
        {"type":"record","name":"Order","namespace":"com.acme","fields":[{"name":"total","type":"Money"}]}""",
            Map.of("com.acme.Money", money));

    assertThat(canon.canonical(order))
        .isEqualTo(
            "{\"name\":\"com.acme.Order\",\"type\":\"record\",\"fields\":"
                + "[{\"name\":\"total\",\"type\":{\"name\":\"com.acme.Money\",\"type\":\"record\",\"fields\":"
                + "[{\"name\":\"cents\",\"type\":\"long\"}]}}]}");
  }

  @Test
  void avroReferenceThatDoesNotParseIsNamed() {
    ResolvedSchema order =
        new ResolvedSchema(
            "AVRO",
            """
        {"type":"record","name":"Order","fields":[{"name":"total","type":"Money"}]}""",
            Map.of("Money", avro("{\"type\":\"record\",\"name\":\"Money\"}")));

    assertThatThrownBy(() -> canon.canonical(order))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Avro reference Money does not parse: ");
  }

  @Test
  void protobufImportsResolveFromReferencesAndWellKnownFiles() {
    ResolvedSchema money =
        proto("syntax = \"proto3\"; package common; message Money { int64 cents = 1; }");
    ResolvedSchema order =
        new ResolvedSchema(
            "PROTOBUF",
            """
        syntax = "proto3";
        package shop;
        import "common/money.proto";
        import "google/protobuf/timestamp.proto";
        message Order { common.Money total = 1; google.protobuf.Timestamp placed = 2; }
        """,
            Map.of("common/money.proto", money));

    String canonical = canon.canonical(order);

    assertThat(canonical)
        .contains("dependency: \"common/money.proto\"")
        .contains("type_name: \".common.Money\"")
        .contains("type_name: \".google.protobuf.Timestamp\"");
  }

  @Test
  void protobufImportThatDoesNotParseIsNamed() {
    ResolvedSchema order =
        new ResolvedSchema(
            "PROTOBUF",
            """
        syntax = "proto3";
        import "common/money.proto";
        message Order { int64 id = 1; }
        """,
            Map.of("common/money.proto", proto("message Money {")));

    assertThatThrownBy(() -> canon.canonical(order))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Protobuf import common/money.proto does not parse: ");
  }

  @Test
  void jsonReferencesResolveAndAreValidated() {
    ResolvedSchema money =
        json("{\"type\":\"object\",\"properties\":{\"cents\":{\"type\":\"integer\"}}}");
    ResolvedSchema order =
        new ResolvedSchema(
            "JSON",
            "{\"type\":\"object\",\"properties\":{\"total\":{\"$ref\":\"money.json\"}}}",
            Map.of("money.json", money));
    ResolvedSchema brokenRef =
        new ResolvedSchema(
            "JSON", order.schema(), Map.of("money.json", json("{\"type\":\"strin\"}")));

    assertThat(canon.canonical(order))
        .isEqualTo("{\"properties\":{\"total\":{\"$ref\":\"money.json\"}},\"type\":\"object\"}");
    assertThatThrownBy(() -> canon.canonical(brokenRef))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("JSON reference money.json is not a valid JSON Schema: ");
  }
}
