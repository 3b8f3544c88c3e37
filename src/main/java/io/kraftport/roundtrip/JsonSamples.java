package io.kraftport.roundtrip;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.kraftport.InvalidInputException;
import io.kraftport.schema.JsonSchemas;
import io.kraftport.schema.ResolvedSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one deterministic JSON instance for a JSON Schema and checks it with the validator. It
 * follows {@code $ref}s (local and to referenced documents), takes {@code const}, the first {@code
 * enum} value, every declared property, values for common formats, and numbers and lengths within
 * their bounds. For {@code oneOf}/{@code anyOf} it tries the first branch everywhere, then the
 * second, and so on, keeping the first instance that validates. What it cannot aim for (a {@code
 * pattern}, say) surfaces as a validation error.
 */
final class JsonSamples {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * How often a $ref may recur inside itself before only required properties and minimum items are
   * generated.
   */
  private static final int MAX_RECURSION = 3;

  private static final int MAX_BRANCH_TRIES = 4;

  private final Map<String, JsonNode> documents;
  private final int branch;

  /** The $ref targets being followed on the current path, with how often each is open. */
  private final Map<String, Integer> open = new HashMap<>();

  private int counter;

  private JsonSamples(Map<String, JsonNode> documents, int branch) {
    this.documents = documents;
    this.branch = branch;
  }

  /**
   * An instance that validates against the schema.
   *
   * @throws InvalidInputException if the schema is invalid or no generated instance validates, with
   *     the first error
   */
  static JsonNode generate(ResolvedSchema schema) {
    JsonSchema compiled = JsonSchemas.schema(schema);
    JsonNode root = JsonSchemas.node(schema);
    Map<String, JsonNode> documents = JsonSchemas.documents(schema);
    List<String> errors = List.of();
    for (int branch = 0; branch < MAX_BRANCH_TRIES; branch++) {
      JsonNode instance = new JsonSamples(documents, branch).value(root, JsonSchemas.base(root), 0);
      errors = JsonSchemas.validate(compiled, instance);
      if (errors.isEmpty()) {
        return instance;
      }
    }
    throw new InvalidInputException(
        "cannot generate a JSON instance that validates against the schema: " + errors.get(0));
  }

  // depth counts recursion, not nesting: how often a $ref target on the path has been entered
  // again.
  private JsonNode value(JsonNode schema, URI base, int depth) {
    counter++;
    if (schema.isBoolean()) {
      if (!schema.booleanValue()) {
        throw new InvalidInputException("cannot generate a JSON instance for the schema false");
      }
      return NODES.textNode("any-" + counter);
    }
    URI here = schema.path("$id").isTextual() ? base.resolve(schema.get("$id").asText()) : base;
    if (schema.has("$ref")) {
      URI target = here.resolve(schema.get("$ref").asText());
      String key = target.toString();
      int recursion = open.getOrDefault(key, 0) > 0 ? depth + 1 : depth;
      if (recursion > MAX_RECURSION + 2) {
        throw new InvalidInputException(
            "cannot generate a JSON instance: the schema requires itself with no way out"
                + " at $ref "
                + key);
      }
      open.merge(key, 1, Integer::sum);
      JsonNode value = value(resolve(target), target, recursion);
      open.merge(key, -1, Integer::sum);
      return value;
    }
    if (schema.has("const")) {
      return schema.get("const").deepCopy();
    }
    if (schema.has("enum") && schema.get("enum").size() > 0) {
      return schema.get("enum").get(0).deepCopy();
    }
    JsonNode own = ownValue(schema, here, depth);
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = schema.path(keyword);
      if (branches.isArray() && branches.size() > 0) {
        own = combine(own, value(branches.get(Math.min(branch, branches.size() - 1)), here, depth));
      }
    }
    for (JsonNode part : schema.path("allOf")) {
      own = combine(own, value(part, here, depth));
    }
    return own == null ? NODES.textNode("any-" + counter) : own;
  }

  // The value the schema's own keywords call for, or null if it has none (it is all combinators).
  private JsonNode ownValue(JsonNode schema, URI base, int depth) {
    String type = type(schema);
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "object" -> object(schema, base, depth);
      case "array" -> array(schema, base, depth);
      case "string" -> NODES.textNode(string(schema));
      case "integer" -> NODES.numberNode(number(schema, true).toBigIntegerExact());
      case "number" -> NODES.numberNode(number(schema, false));
      case "boolean" -> NODES.booleanNode(true);
      default -> NODES.nullNode();
    };
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      return type.asText();
    }
    if (type != null && type.isArray() && type.size() > 0) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
      return "null";
    }
    if (schema.has("properties") || schema.has("required") || schema.has("additionalProperties")) {
      return "object";
    }
    if (schema.has("items") || schema.has("prefixItems")) {
      return "array";
    }
    if (schema.has("format")
        || schema.has("minLength")
        || schema.has("maxLength")
        || schema.has("pattern")) {
      return "string";
    }
    if (schema.has("minimum") || schema.has("maximum") || schema.has("multipleOf")) {
      return "number";
    }
    return null;
  }

  private ObjectNode object(JsonNode schema, URI base, int depth) {
    ObjectNode object = NODES.objectNode();
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    schema
        .path("properties")
        .properties()
        .forEach(
            property -> {
              if (depth < MAX_RECURSION || required.contains(property.getKey())) {
                object.set(property.getKey(), value(property.getValue(), base, depth));
              }
            });
    JsonNode additional = schema.path("additionalProperties");
    for (String name : required) {
      if (!object.has(name)) {
        object.set(
            name, additional.isObject() ? value(additional, base, depth) : NODES.textNode("any"));
      }
    }
    return object;
  }

  private ArrayNode array(JsonNode schema, URI base, int depth) {
    ArrayNode array = NODES.arrayNode();
    JsonNode tuple =
        schema.has("prefixItems")
            ? schema.get("prefixItems")
            : schema.path("items").isArray() ? schema.get("items") : null;
    if (tuple != null) {
      tuple.forEach(item -> array.add(value(item, base, depth)));
      return array;
    }
    int min = schema.path("minItems").asInt(0);
    int count =
        depth >= MAX_RECURSION
            ? min
            : Math.max(min, schema.path("uniqueItems").asBoolean() ? 1 : 2);
    if (schema.has("maxItems")) {
      count = Math.min(count, schema.get("maxItems").asInt());
    }
    JsonNode items = schema.has("items") ? schema.get("items") : NODES.booleanNode(true);
    for (int i = 0; i < count; i++) {
      array.add(value(items, base, depth));
    }
    return array;
  }

  private String string(JsonNode schema) {
    String text =
        switch (schema.path("format").asText("")) {
          case "date-time" -> "2024-05-06T07:08:09.123Z";
          case "date" -> "2024-05-06";
          case "time" -> "07:08:09Z";
          case "duration" -> "P1DT2H";
          case "email", "idn-email" -> "user" + counter + "@example.com";
          case "hostname", "idn-hostname" -> "host" + counter + ".example.com";
          case "ipv4" -> "192.0.2." + (counter % 250 + 1);
          case "ipv6" -> "2001:db8::" + Integer.toHexString(counter);
          case "uri", "iri", "uri-reference", "iri-reference" ->
              "https://example.com/item/" + counter;
          case "uuid" -> String.format("123e4567-e89b-42d3-a456-%012d", counter);
          case "json-pointer" -> "/items/" + counter;
          case "regex" -> "^text-[0-9]+$";
          default -> "text-" + counter;
        };
    int min = schema.path("minLength").asInt(0);
    int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < min) {
      padded.append('x');
    }
    return padded.length() > max ? padded.substring(0, max) : padded.toString();
  }

  // A counter-based value moved inside [minimum, maximum] (exclusive bounds in draft-04 and later
  // forms) and onto
  // multipleOf.
  private BigDecimal number(JsonNode schema, boolean integer) {
    BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.5");
    BigDecimal value =
        BigDecimal.valueOf(counter).add(integer ? BigDecimal.ZERO : new BigDecimal("0.5"));
    BigDecimal low = bound(schema, "minimum", "exclusiveMinimum", step, true);
    BigDecimal high = bound(schema, "maximum", "exclusiveMaximum", step, false);
    if (low != null && value.compareTo(low) < 0) {
      value = low;
    }
    if (high != null && value.compareTo(high) > 0) {
      value = high;
    }
    if (schema.path("multipleOf").isNumber()) {
      BigDecimal multiple = schema.get("multipleOf").decimalValue();
      BigDecimal up = value.divide(multiple, 0, RoundingMode.CEILING).multiply(multiple);
      value =
          high == null || up.compareTo(high) <= 0
              ? up
              : value.divide(multiple, 0, RoundingMode.FLOOR).multiply(multiple);
    }
    return integer ? value.setScale(0, RoundingMode.CEILING) : value;
  }

  private static BigDecimal bound(
      JsonNode schema, String inclusive, String exclusive, BigDecimal step, boolean low) {
    BigDecimal bound = null;
    if (schema.path(inclusive).isNumber()) {
      bound = schema.get(inclusive).decimalValue();
      // Draft-04 marks the bound itself exclusive with a boolean.
      if (schema.path(exclusive).asBoolean(false)) {
        bound = low ? bound.add(step) : bound.subtract(step);
      }
    }
    if (schema.path(exclusive).isNumber()) {
      BigDecimal value = schema.get(exclusive).decimalValue();
      bound = low ? value.add(step) : value.subtract(step);
    }
    return bound;
  }

  private JsonNode resolve(URI target) {
    String documentIri = JsonSchemas.stripFragment(target.toString());
    JsonNode document = documents.get(documentIri);
    if (document == null) {
      throw new InvalidInputException(
          "JSON schema $ref " + target + " is not among its references");
    }
    String fragment = target.getFragment();
    if (fragment == null || fragment.isEmpty()) {
      return document;
    }
    if (!fragment.startsWith("/")) {
      throw new InvalidInputException(
          "cannot generate a JSON instance: $ref "
              + target
              + " uses an anchor, and only JSON pointers are followed");
    }
    JsonNode found = document.at(JsonPointer.compile(fragment));
    if (found.isMissingNode()) {
      throw new InvalidInputException("JSON schema $ref " + target + " points at nothing");
    }
    return found;
  }

  // Objects from several subschemas describe one instance: merge them; otherwise the later, more
  // specific value wins.
  private static JsonNode combine(JsonNode first, JsonNode second) {
    if (first instanceof ObjectNode a && second instanceof ObjectNode b) {
      ObjectNode merged = a.deepCopy();
      b.properties()
          .forEach(
              e ->
                  merged.set(
                      e.getKey(),
                      merged.has(e.getKey())
                          ? combine(merged.get(e.getKey()), e.getValue())
                          : e.getValue()));
      return merged;
    }
    return second == null ? first : second;
  }
}
