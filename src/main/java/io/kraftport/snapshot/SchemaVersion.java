package io.kraftport.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One version of a subject: its number, the global schema id, the schema type ({@code AVRO} when
 * the registry leaves it out), the schema text as the registry returned it, its references, whether
 * it is soft-deleted, and the metadata and rule set where the registry has them.
 */
@JsonPropertyOrder({
  "version",
  "id",
  "schemaType",
  "deleted",
  "references",
  "metadata",
  "ruleSet",
  "schema"
})
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record SchemaVersion(
    int version,
    int id,
    @JsonInclude(JsonInclude.Include.ALWAYS) String schemaType,
    boolean deleted,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SchemaReference> references,
    JsonNode metadata,
    JsonNode ruleSet,
    @JsonInclude(JsonInclude.Include.ALWAYS) String schema) {

  public SchemaVersion {
    Objects.requireNonNull(schema, "schema");
    schemaType = schemaType == null || schemaType.isBlank() ? "AVRO" : schemaType;
    references = references == null ? List.of() : List.copyOf(references);
  }

  /**
   * A reference from a schema to a version of another subject, under the name the schema imports it
   * by.
   */
  @JsonPropertyOrder({"name", "subject", "version"})
  public record SchemaReference(String name, String subject, int version) {
    /** "reference NAME to SUBJECT/VERSION", for messages about it. */
    public String describe() {
      return "reference " + name + " to " + subject + "/" + version;
    }
  }
}
