package io.kraftport.roundtrip;

import io.kraftport.schema.ResolvedSchema;

/**
 * Finds the schema a registry holds under an id, with its references resolved: the registry
 * client's {@code /schemas/ids/{id}} lookup, or a map in tests.
 */
@FunctionalInterface
public interface SchemaLookup {
  /**
   * The schema with this id.
   *
   * @throws io.kraftport.KraftportException if there is none or the registry cannot be asked
   */
  ResolvedSchema schema(int id);
}
