package io.kraftport.schema;

/**
 * The {@link SchemaCanon} backed by each type's real parser: Avro's Parsing Canonical Form, a
 * Protobuf file's descriptor with its fields by number in text format (see {@link
 * ProtobufSchemas#canonical}), a JSON Schema with sorted keys and no whitespace. A reference
 * changes the canonical text only where the type inlines it (Avro); Protobuf imports and JSON
 * {@code $ref}s stay by name, and their subjects are compared on their own.
 */
public final class DefaultSchemaCanon implements SchemaCanon {
  @Override
  public String canonical(ResolvedSchema schema) {
    return switch (SchemaType.of(schema)) {
      case AVRO -> AvroSchemas.canonical(schema);
      case PROTOBUF -> ProtobufSchemas.canonical(schema);
      case JSON -> JsonSchemas.canonical(schema);
    };
  }
}
