package io.kraftport.roundtrip;

import io.kraftport.schema.SchemaType;
import java.util.List;
import java.util.Objects;

/**
 * A record decoded from the Confluent wire format: the schema id it named, the schema type, the
 * Protobuf message-index path (empty for other types), and the value as its library represents it:
 * an Avro datum (a {@code GenericRecord} for a record schema), a Protobuf {@code DynamicMessage},
 * or a Jackson {@code JsonNode}.
 */
public record Decoded(int schemaId, SchemaType type, List<Integer> messageIndexes, Object value) {
  public Decoded {
    Objects.requireNonNull(type, "type");
    messageIndexes = List.copyOf(messageIndexes);
  }
}
