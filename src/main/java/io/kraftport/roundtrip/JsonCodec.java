package io.kraftport.roundtrip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.kraftport.roundtrip.Values.Leaf;
import io.kraftport.schema.JsonSchemas;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema payloads: UTF-8 JSON text, validated against the reading schema, and their plain
 * form.
 */
final class JsonCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonCodec() {}

  static byte[] write(JsonNode value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  static JsonNode read(byte[] payload) {
    return read(payload, 0);
  }

  /** Parses the bytes from {@code offset} on, strictly (see {@link JsonSchemas#parseJson}). */
  static JsonNode read(byte[] bytes, int offset) {
    return JsonSchemas.parseJson(
        new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8), "record payload");
  }

  /**
   * A validation error: the instance path (such as {@code total.cents}) and the validator's
   * message.
   */
  record Violation(String field, String message) {}

  /** The instance's validation errors against the schema, ordered by path. */
  static List<Violation> violations(JsonSchema schema, JsonNode instance) {
    List<Violation> violations = new ArrayList<>();
    for (ValidationMessage message : schema.validate(instance)) {
      violations.add(new Violation(field(message.getInstanceLocation()), message.getMessage()));
    }
    violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
    return violations;
  }

  // Named as the other schema types name fields: a.b[0].c.
  private static String field(JsonNodePath location) {
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        field.append('[').append(index).append(']');
      } else {
        field.append(field.length() == 0 ? "" : ".").append(element);
      }
    }
    return field.length() == 0 ? "(value)" : field.toString();
  }

  /**
   * The plain form of a JSON value (see {@link Values}); numbers compare by value, so 1.50 equals
   * 1.5.
   */
  static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), plain(e.getValue())));
      return fields;
    }
    if (node.isArray()) {
      List<Object> elements = new ArrayList<>();
      node.forEach(element -> elements.add(plain(element)));
      return elements;
    }
    if (node.isNumber()) {
      return Leaf.of("number", node.decimalValue().stripTrailingZeros().toPlainString());
    }
    if (node.isTextual()) {
      return Leaf.of("string", node.asText());
    }
    if (node.isBoolean()) {
      return Leaf.of("boolean", node.asBoolean());
    }
    return new Leaf("null", "null");
  }
}
