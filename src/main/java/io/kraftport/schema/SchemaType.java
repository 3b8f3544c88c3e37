package io.kraftport.schema;

import io.kraftport.InvalidInputException;
import java.util.Locale;

/**
 * The schema types a registry stores, named as the Confluent API names them in {@code schemaType}.
 */
public enum SchemaType {
  AVRO,
  PROTOBUF,
  JSON;

  /**
   * The type a {@code schemaType} value names; a missing value means {@link #AVRO}, as the registry
   * API defines.
   *
   * @throws InvalidInputException for any other name
   */
  public static SchemaType of(String name) {
    if (name == null || name.isBlank()) {
      return AVRO;
    }
    // The names as registries spell them, without allocating: decoding asks this once per record.
    switch (name) {
      case "AVRO":
        return AVRO;
      case "PROTOBUF":
        return PROTOBUF;
      case "JSON":
        return JSON;
      default:
        break;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "unknown schema type '" + name + "' (expected AVRO, PROTOBUF or JSON)");
    }
  }

  /** The type of a resolved schema. */
  public static SchemaType of(ResolvedSchema schema) {
    return of(schema.type());
  }
}
