package io.kraftport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kraftport.InvalidInputException;
import io.kraftport.schema.ResolvedSchema;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One JSON Schema per feature: its generated instance must validate, exercise the feature and
 * round-trip.
 */
class JsonRoundTripTest {
  private final RoundTrip roundTrip = new RoundTrip();
  private final SampleGenerator generator = new SampleGenerator();

  static ResolvedSchema json(String schema) {
    return new ResolvedSchema("JSON", schema, Map.of());
  }

  private static JsonNode at(Object instance, String pointer) {
    return ((JsonNode) instance).at(pointer);
  }

  static Stream<Arguments> features() {
    return Stream.of(
        feature(
            "objects and primitives",
            json(
                """
            {"type":"object","properties":{
              "id":{"type":"integer"},"price":{"type":"number"},"name":{"type":"string"},
              "active":{"type":"boolean"},"nothing":{"type":"null"}},
             "required":["id"],"additionalProperties":false}"""),
            i -> assertThat(at(i, "/price").isNumber()).isTrue()),
        feature(
            "arrays",
            json(
                """
            {"type":"object","properties":{
              "tags":{"type":"array","items":{"type":"string"},"minItems":3},
              "unique":{"type":"array","items":{"enum":["a","b"]},"uniqueItems":true},
              "pair":{"type":"array","items":[{"type":"string"},{"type":"integer"}]}}}"""),
            i -> assertThat(at(i, "/tags").size()).isEqualTo(3)),
        feature(
            "enums and const",
            json(
                """
            {"type":"object","properties":{
              "status":{"enum":["NEW","PAID"]},"version":{"const":2}},"required":["status","version"]}"""),
            i -> assertThat(at(i, "/version").asInt()).isEqualTo(2)),
        feature(
            "formats",
            json(
                """
            {"type":"object","properties":{
              "at":{"type":"string","format":"date-time"},"day":{"type":"string","format":"date"},
              "time":{"type":"string","format":"time"},"mail":{"type":"string","format":"email"},
              "id":{"type":"string","format":"uuid"},"site":{"type":"string","format":"uri"},
              "ip":{"type":"string","format":"ipv4"},"host":{"type":"string","format":"hostname"}}}"""),
            i -> assertThat(at(i, "/at").asText()).isEqualTo("2024-05-06T07:08:09.123Z")),
        feature(
            "bounds",
            json(
                """
            {"type":"object","properties":{
              "qty":{"type":"integer","minimum":10,"maximum":20,"multipleOf":5},
              "ratio":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},
              "code":{"type":"string","minLength":12,"maxLength":12}}}"""),
            i -> assertThat(at(i, "/code").asText()).hasSize(12)),
        feature(
            "$ref to definitions",
            json(
                """
            {"type":"object","properties":{"billing":{"$ref":"#/definitions/address"},
              "shipping":{"$ref":"#/definitions/address"}},
             "definitions":{"address":{"type":"object","properties":{"city":{"type":"string"}},
                            "required":["city"]}}}"""),
            i -> assertThat(at(i, "/shipping/city").isTextual()).isTrue()),
        feature(
            "$ref to referenced schemas",
            new ResolvedSchema(
                "JSON",
                """
            {"type":"object","properties":{"total":{"$ref":"money.json"},
              "tax":{"$ref":"money.json#/definitions/rate"}}}""",
                Map.of(
                    "money.json",
                    json(
                        """
                {"type":"object","properties":{"cents":{"type":"integer"},"currency":{"$ref":"currency.json"}},
                 "required":["cents","currency"],"definitions":{"rate":{"type":"number","maximum":1}}}"""),
                    "currency.json",
                    json("{\"enum\":[\"EUR\",\"USD\"]}"))),
            i -> assertThat(at(i, "/total/currency").asText()).isEqualTo("EUR")),
        // An integer also matches the second branch, so only the second branch's value satisfies
        // oneOf.
        feature(
            "oneOf with an ambiguous first branch",
            json(
                """
            {"type":"object","properties":{"amount":{"oneOf":[{"type":"integer"},{"type":"number","minimum":0}]}},
             "required":["amount"]}"""),
            i -> assertThat(at(i, "/amount").isIntegralNumber()).isFalse()),
        feature(
            "anyOf and allOf",
            json(
                """
            {"type":"object","properties":{
              "value":{"anyOf":[{"type":"string","maxLength":3},{"type":"integer"}]},
              "merged":{"allOf":[{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]},
                                  {"type":"object","properties":{"b":{"type":"integer"}},"required":["b"]}]}}}"""),
            i -> assertThat(at(i, "/merged").size()).isEqualTo(2)),
        feature(
            "draft 2020-12 with $defs and prefixItems",
            json(
                """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "properties":{"point":{"type":"array","prefixItems":[{"type":"number"},{"type":"number"}],"items":false},
                           "owner":{"$ref":"#/$defs/person"}},
             "$defs":{"person":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}}}"""),
            i -> assertThat(at(i, "/point").size()).isEqualTo(2)),
        feature(
            "recursive tree ends at optional properties",
            json(
                """
            {"type":"object","properties":{"name":{"type":"string"},
              "children":{"type":"array","items":{"$ref":"#"}}},"required":["name"]}"""),
            i -> assertThat(at(i, "/children/0/children/0/name").isTextual()).isTrue()),
        feature(
            "nullable types",
            json(
                """
            {"type":"object","properties":{"note":{"type":["null","string"]}}}"""),
            i -> assertThat(at(i, "/note").isTextual()).isTrue()));
  }

  private static Arguments feature(String name, ResolvedSchema schema, Consumer<Object> exercised) {
    return Arguments.of(name, schema, exercised);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("features")
  void generatedInstanceExercisesTheFeatureAndRoundTrips(
      String name, ResolvedSchema schema, Consumer<Object> exercised) {
    Sample sample = generator.generate(schema);
    exercised.accept(sample.value());

    RoundTripResult result = roundTrip.check(schema, 11, schema);

    assertThat(result.status()).as(result.summary()).isEqualTo(RoundTripResult.Status.OK);
  }

  @Test
  void aSchemaThatRequiresItselfIsRejected() {
    ResolvedSchema schema =
        json(
            """
        {"type":"object","properties":{"self":{"$ref":"#"}},"required":["self"]}""");

    assertThatThrownBy(() -> generator.generate(schema))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "cannot generate a JSON instance: the schema requires itself with no way out");
  }

  @Test
  void aConstraintTheGeneratorCannotMeetFailsWithTheValidatorsReason() {
    ResolvedSchema schema =
        json(
            "{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\","
                + "\"pattern\":\"^[A-Z]{3}-[0-9]{4}$\"}},\"required\":[\"sku\"]}");

    assertThatThrownBy(() -> generator.generate(schema))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "cannot generate a JSON instance that validates against the schema: ")
        .hasMessageContaining("sku");
  }
}
