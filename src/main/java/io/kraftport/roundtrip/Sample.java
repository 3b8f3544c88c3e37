package io.kraftport.roundtrip;

import io.kraftport.schema.SchemaType;
import java.util.List;
import java.util.Objects;

/**
 * A generated record for a schema: its type, the value in its library's representation (an Avro
 * datum, a Protobuf {@code DynamicMessage}, a Jackson {@code JsonNode}) and, for Protobuf, the
 * message-index path of the message type it is an instance of.
 */
public record Sample(SchemaType type, Object value, List<Integer> messageIndexes) {
  public Sample {
    Objects.requireNonNull(type, "type");
    messageIndexes = List.copyOf(messageIndexes);
  }
}
