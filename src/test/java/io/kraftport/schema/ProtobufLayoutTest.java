package io.kraftport.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Protobuf canonical form against the layouts registries store. {@code order-confluent.proto}
 * is what Confluent's {@code ProtobufSchema.canonicalString()} (ProtobufSchemaUtils.toString)
 * returns for {@code order-declared.proto}: per message reserved, options, plain fields, oneofs,
 * nested messages, then nested enums; top-level messages before top-level enums; comments gone.
 */
class ProtobufLayoutTest {
  static final String DECLARED = resource("order-declared.proto");
  static final String CONFLUENT = resource("order-confluent.proto");

  static String resource(String name) {
    try (InputStream in = ProtobufLayoutTest.class.getResourceAsStream("/protobuf/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String canonical(String text) {
    return ProtobufSchemas.canonical(new ResolvedSchema("PROTOBUF", text, Map.of()));
  }

  @Test
  void confluentsReLayoutOfASchemaHasItsCanonicalForm() {
    assertThat(CONFLUENT).isNotEqualTo(DECLARED);
    assertThat(canonical(CONFLUENT)).isEqualTo(canonical(DECLARED));
  }

  @Test
  void messageIndexesOfBothLayoutsAgree() {
    var declared = ProtobufSchemas.descriptor(new ResolvedSchema("PROTOBUF", DECLARED, Map.of()));
    var confluent = ProtobufSchemas.descriptor(new ResolvedSchema("PROTOBUF", CONFLUENT, Map.of()));
    assertThat(ProtobufSchemas.messages(confluent).stream().map(d -> d.getFullName()).toList())
        .isEqualTo(ProtobufSchemas.messages(declared).stream().map(d -> d.getFullName()).toList())
        .containsExactly("shop.Order", "shop.Order.Line", "shop.Refund");
  }

  static Stream<Arguments> sameSchemaOtherLayout() {
    return Stream.of(
        Arguments.of(
            "imports in another order",
            DECLARED,
            DECLARED.replace(
                "import \"google/protobuf/timestamp.proto\";\nimport \"google/protobuf/duration.proto\";",
                "import \"google/protobuf/duration.proto\";\nimport \"google/protobuf/timestamp.proto\";")),
        Arguments.of(
            "oneofs declared against field-number order",
            """
            syntax = "proto3";
            message M { oneof b { int32 y = 2; } oneof a { int32 x = 1; } }
            """,
            """
            syntax = "proto3";
            message M { oneof a { int32 x = 1; } oneof b { int32 y = 2; } }
            """),
        Arguments.of(
            "proto3 optional before and after a oneof",
            """
            syntax = "proto3";
            message M { optional int32 a = 1; oneof o { int32 b = 2; } optional int32 c = 3; }
            """,
            """
            syntax = "proto3";
            message M { oneof o { int32 b = 2; } optional int32 c = 3; optional int32 a = 1; }
            """),
        Arguments.of(
            "map fields in another order",
            """
            syntax = "proto3";
            message M { map<string, int32> b = 2; map<string, int32> a = 1; }
            """,
            """
            syntax = "proto3";
            message M { map<string, int32> a = 1; map<string, int32> b = 2; }
            """),
        Arguments.of(
            "field options in another order",
            """
            syntax = "proto2";
            message M { optional int32 a = 1 [deprecated = true, default = 5]; }
            """,
            """
            syntax = "proto2";
            message M { optional int32 a = 1 [default = 5, deprecated = true]; }
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameSchemaOtherLayout")
  void layoutAloneDoesNotChangeTheCanonicalForm(String name, String a, String b) {
    assertThat(canonical(b)).isEqualTo(canonical(a));
  }

  private static final String REFUND =
      "message Refund {\n  int64 order_id = 1;\n  Channel channel = 2;\n}\n";

  private static Arguments change(String name, String from, String to) {
    return Arguments.of(name, (UnaryOperator<String>) text -> replaceOnce(text, from, to));
  }

  private static String replaceOnce(String text, String from, String to) {
    assertThat(text).contains(from);
    return text.replace(from, to);
  }

  static Stream<Arguments> genuineChanges() {
    return Stream.of(
        change("field number", "int64 created_at_ms = 8", "int64 created_at_ms = 14"),
        change("field type", "int64 created_at_ms = 8", "int32 created_at_ms = 8"),
        change("field name", "int64 created_at_ms = 8", "int64 created_ms = 8"),
        change(
            "field option",
            "int64 created_at_ms = 8 [deprecated = true];",
            "int64 created_at_ms = 8;"),
        change("label repeated", "repeated Line lines = 13;", "Line lines = 13;"),
        change("label proto3 optional", "optional string note = 9;", "string note = 9;"),
        change("map value type", "map<string, string> labels", "map<string, int64> labels"),
        change("field leaves a oneof", "    string iban = 3;\n  }", "  }\n  string iban = 3;"),
        change(
            "field joins a oneof",
            "  }\n  int64 created_at_ms = 8 [deprecated = true];",
            "    int64 created_at_ms = 8 [deprecated = true];\n  }"),
        change("oneof renamed", "oneof payment", "oneof settlement"),
        change(
            "field type from an import",
            "google.protobuf.Timestamp placed_at",
            "google.protobuf.Duration placed_at"),
        Arguments.of(
            "top-level message order",
            (UnaryOperator<String>)
                text ->
                    replaceOnce(
                        replaceOnce(text, REFUND, ""),
                        "// An order as placed.",
                        REFUND + "// An order as placed.")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("genuineChanges")
  void aChangeToWhatTheSchemaMeansChangesTheCanonicalForm(
      String name, UnaryOperator<String> change) {
    assertThat(canonical(change.apply(DECLARED))).isNotEqualTo(canonical(DECLARED));
  }

  @Test
  void nestedMessageOrderIsKeptBecauseItIsAMessageIndex() {
    String ab =
        "syntax = \"proto3\"; message M { message A { int32 x = 1; } message B { int32 x = 1; } }";
    String ba =
        "syntax = \"proto3\"; message M { message B { int32 x = 1; } message A { int32 x = 1; } }";
    assertThat(canonical(ba)).isNotEqualTo(canonical(ab));
  }

  @Test
  void oneofMembershipSurvivesTheReordering() {
    String text =
        canonical(
            """
        syntax = "proto3";
        message M { oneof b { int32 y = 2; } int32 z = 3; oneof a { int32 x = 1; } }
        """);
    // x (1) is in oneof a, which now comes first; y (2) in b, second; z in none.
    assertThat(List.of(text.split("field \\{")))
        .satisfiesExactly(
            head -> assertThat(head).doesNotContain("oneof_index"),
            x -> assertThat(x).contains("name: \"x\"").contains("oneof_index: 0"),
            y -> assertThat(y).contains("name: \"y\"").contains("oneof_index: 1"),
            z -> assertThat(z).contains("name: \"z\"").doesNotContain("oneof_index"));
    assertThat(text.indexOf("name: \"a\"")).isLessThan(text.indexOf("name: \"b\""));
  }
}
