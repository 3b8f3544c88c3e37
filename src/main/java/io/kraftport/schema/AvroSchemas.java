package io.kraftport.schema;

import io.kraftport.InvalidInputException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Avro schemas parsed with Avro's own parser. Referenced schemas define named types the root schema
 * uses by name, so they are parsed first into the same {@link Schema.Parser}, depth first, as
 * Confluent's serializers do.
 */
public final class AvroSchemas {
  private AvroSchemas() {}

  /**
   * Parses a schema after the named types of its references.
   *
   * @throws InvalidInputException if the schema or a reference does not parse, naming which and why
   */
  public static Schema parse(ResolvedSchema schema) {
    Schema.Parser parser = new Schema.Parser();
    defineReferences(parser, schema.references(), new HashSet<>());
    try {
      return parser.parse(schema.schema());
    } catch (RuntimeException e) {
      throw new InvalidInputException("Avro schema does not parse: " + Reasons.of(e), e);
    }
  }

  /**
   * Avro's Parsing Canonical Form of the schema, with referenced types written out where first
   * used.
   */
  public static String canonical(ResolvedSchema schema) {
    return SchemaNormalization.toParsingForm(parse(schema));
  }

  private static void defineReferences(
      Schema.Parser parser, Map<String, ResolvedSchema> references, Set<String> seen) {
    // Sorted so that errors and definitions do not depend on map iteration order.
    for (Map.Entry<String, ResolvedSchema> reference : new TreeMap<>(references).entrySet()) {
      // A type referenced along two paths (a diamond) is defined once; the parser refuses a
      // redefinition.
      if (!seen.add(reference.getKey())) {
        continue;
      }
      ResolvedSchema referenced = reference.getValue();
      defineReferences(parser, referenced.references(), seen);
      try {
        parser.parse(referenced.schema());
      } catch (RuntimeException e) {
        throw new InvalidInputException(
            "Avro reference " + reference.getKey() + " does not parse: " + Reasons.of(e), e);
      }
    }
  }
}
