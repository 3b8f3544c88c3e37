package io.kraftport.schema;

import java.util.Map;
import java.util.Objects;

/**
 * A schema with everything it references, resolved: its type ({@code AVRO}, {@code PROTOBUF},
 * {@code JSON}), its text, and the schemas it imports keyed by the reference name the text uses (an
 * Avro full name, a {@code .proto} import path, a JSON Schema {@code $ref} URL).
 */
public record ResolvedSchema(String type, String schema, Map<String, ResolvedSchema> references) {
  public ResolvedSchema {
    Objects.requireNonNull(schema, "schema");
    type = type == null || type.isBlank() ? "AVRO" : type;
    references = references == null ? Map.of() : Map.copyOf(references);
  }
}
