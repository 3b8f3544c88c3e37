package io.kraftport.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kraftport.InvalidInputException;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaCanon;

/**
 * A stand-in for the real canonicalizer: Avro and JSON Schema texts must be JSON and compare as
 * compact JSON; Protobuf texts compare with whitespace collapsed. Enough to tell reformatting from
 * a change.
 */
final class TestCanon implements SchemaCanon {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String canonical(ResolvedSchema schema) {
    if (schema.type().equals("PROTOBUF")) {
      return schema.schema().replaceAll("\\s+", " ").strip();
    }
    try {
      return MAPPER.writeValueAsString(MAPPER.readTree(schema.schema()));
    } catch (Exception e) {
      throw new InvalidInputException("not valid JSON: " + e.getClass().getSimpleName());
    }
  }
}
