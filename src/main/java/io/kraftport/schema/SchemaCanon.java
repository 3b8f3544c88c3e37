package io.kraftport.schema;

/**
 * Parses a schema with a real parser of its type and returns the canonical text two registries are
 * compared by: Avro's Parsing Canonical Form, a normalized {@code .proto}, normalized JSON.
 * Registries reformat what they store, so raw strings are never compared.
 */
public interface SchemaCanon {
  /**
   * The canonical text of a schema.
   *
   * @throws io.kraftport.InvalidInputException if the schema (or one it references) does not parse,
   *     with the reason
   */
  String canonical(ResolvedSchema schema);
}
