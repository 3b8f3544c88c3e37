package io.kraftport.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema as a registry answers it: from a subject version, the {@code /schemas} listing, a
 * lookup, or {@code /schemas/ids/{id}} (then without subject and version). The schema type is
 * {@code AVRO} when left out.
 */
public record SchemaEntry(
    String subject,
    Integer version,
    Integer id,
    String schemaType,
    String schema,
    List<SchemaReference> references,
    JsonNode metadata,
    JsonNode ruleSet) {

  public SchemaEntry {
    schemaType = schemaType == null || schemaType.isBlank() ? "AVRO" : schemaType;
    references = references == null ? List.of() : List.copyOf(references);
    metadata = isAbsent(metadata) ? null : metadata;
    ruleSet = isAbsent(ruleSet) ? null : ruleSet;
  }

  /** Reads an entry from a registry's JSON, leniently (unknown fields are ignored). */
  static SchemaEntry fromJson(JsonNode n) {
    List<SchemaReference> refs = new ArrayList<>();
    for (JsonNode r : n.path("references")) {
      refs.add(
          new SchemaReference(
              r.path("name").asText(), r.path("subject").asText(), r.path("version").asInt()));
    }
    return new SchemaEntry(
        text(n, "subject"),
        n.hasNonNull("version") ? n.get("version").asInt() : null,
        n.hasNonNull("id") ? n.get("id").asInt() : null,
        text(n, "schemaType"),
        text(n, "schema"),
        refs,
        n.get("metadata"),
        n.get("ruleSet"));
  }

  /** This entry as a snapshot version; the subject version and id must be known. */
  public SchemaVersion toSchemaVersion(boolean deleted) {
    return new SchemaVersion(
        version,
        id,
        schemaType,
        deleted,
        references,
        metadata,
        ruleSet,
        schema == null ? "" : schema);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static boolean isAbsent(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || (n.isContainerNode() && n.isEmpty());
  }
}
