package io.kraftport.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import java.util.List;
import java.util.Objects;

/**
 * The body of a registration, a lookup or a compatibility check: the schema, its type, references,
 * metadata and rule set, and for an id-preserving registration the explicit {@code id} and {@code
 * version} (null to let the registry choose). {@code schemaType} is left out of the body for Avro,
 * which every registry version understands.
 */
public record RegisterRequest(
    String schema,
    String schemaType,
    List<SchemaReference> references,
    JsonNode metadata,
    JsonNode ruleSet,
    Integer id,
    Integer version) {

  public RegisterRequest {
    Objects.requireNonNull(schema, "schema");
    schemaType = schemaType == null || schemaType.isBlank() ? "AVRO" : schemaType;
    references = references == null ? List.of() : List.copyOf(references);
  }

  /**
   * The request that registers a snapshot version again, with its id and version when {@code
   * keepIds}.
   */
  public static RegisterRequest of(SchemaVersion v, boolean keepIds) {
    return new RegisterRequest(
        v.schema(),
        v.schemaType(),
        v.references(),
        v.metadata(),
        v.ruleSet(),
        keepIds ? v.id() : null,
        keepIds ? v.version() : null);
  }

  /**
   * The same schema without id, version, metadata and rules: what a lookup or compatibility check
   * sends.
   */
  public RegisterRequest contentOnly() {
    return new RegisterRequest(schema, schemaType, references, null, null, null, null);
  }

  ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode body = mapper.createObjectNode();
    if (version != null) {
      body.put("version", version);
    }
    if (id != null) {
      body.put("id", id);
    }
    if (!schemaType.equals("AVRO")) {
      body.put("schemaType", schemaType);
    }
    if (!references.isEmpty()) {
      ArrayNode refs = body.putArray("references");
      for (SchemaReference r : references) {
        refs.addObject()
            .put("name", r.name())
            .put("subject", r.subject())
            .put("version", r.version());
      }
    }
    if (metadata != null) {
      body.set("metadata", metadata);
    }
    if (ruleSet != null) {
      body.set("ruleSet", ruleSet);
    }
    body.put("schema", schema);
    return body;
  }
}
