package io.kraftport.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import io.kraftport.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schemas parsed with Jackson and compiled with networknt's validator. A schema is checked
 * against the meta-schema of its dialect ({@code $schema}, draft-07 when absent, as Confluent
 * assumes), and its {@code $ref}s to other documents resolve only to its references, never to the
 * network.
 */
public final class JsonSchemas {
  /**
   * The base IRI of a schema without an absolute {@code $id}; {@code .invalid} can never resolve to
   * a host.
   */
  static final String DEFAULT_BASE = "https://kraftport.invalid/schemas/schema.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          // Formats such as date-time are assertions here, so a generated instance must really
          // satisfy them.
          .formatAssertionsEnabled(true)
          .build();

  /**
   * The meta-schemas, bundled with the validator and loaded from its class path, parsed once per
   * dialect.
   */
  private static final Map<VersionFlag, JsonSchema> META_SCHEMAS = new ConcurrentHashMap<>();

  private JsonSchemas() {}

  /**
   * Parses JSON text strictly (no duplicate keys, nothing after the value); {@code what} names it
   * in the error.
   */
  public static JsonNode parseJson(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          what + " is not valid JSON: " + Reasons.firstLine(e.getOriginalMessage()), e);
    }
  }

  /** The root schema document, parsed. */
  public static JsonNode node(ResolvedSchema schema) {
    return parseJson(schema.schema(), "JSON schema");
  }

  /**
   * The schema compiled for validation, with its references resolved and the document checked
   * against its meta-schema.
   *
   * @throws InvalidInputException if it, or a document it references, is not a valid JSON Schema
   */
  public static JsonSchema schema(ResolvedSchema schema) {
    JsonNode root = node(schema);
    if (!root.isObject() && !root.isBoolean()) {
      throw new InvalidInputException(
          "JSON schema must be an object or a boolean, not " + root.getNodeType());
    }
    VersionFlag dialect = dialect(root);
    checkAgainstMetaSchema(root, dialect, "JSON schema");
    Map<String, JsonNode> documents = documents(schema, root);
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            dialect,
            builder ->
                builder.schemaLoaders(
                    loaders -> loaders.add(iri -> document(documents, iri.toString()))));
    try {
      JsonSchema compiled =
          factory.getSchema(SchemaLocation.of(base(root).toString()), root, CONFIG);
      // Resolves every $ref now, so that a missing or broken reference fails here and not during a
      // round-trip.
      compiled.initializeValidators();
      return compiled;
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InvalidInputException reason) {
          throw reason;
        }
      }
      throw new InvalidInputException("JSON schema does not compile: " + Reasons.of(e), e);
    }
  }

  /**
   * The validation errors of an instance, one line each as {@code /path: message}, in a stable
   * order.
   */
  public static List<String> validate(JsonSchema schema, JsonNode instance) {
    Set<ValidationMessage> messages = schema.validate(instance);
    List<String> errors = new ArrayList<>();
    for (ValidationMessage message : messages) {
      errors.add(message.getMessage());
    }
    errors.sort(Comparator.naturalOrder());
    return List.copyOf(errors);
  }

  /** The schema document with object keys sorted and no whitespace. */
  public static String canonical(ResolvedSchema schema) {
    schema(schema);
    try {
      return MAPPER.writeValueAsString(sorted(node(schema)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serializes", e);
    }
  }

  /**
   * A copy of a JSON tree with the keys of every object in sorted order; array order is kept, as it
   * is meaningful.
   */
  public static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
      fields.forEach((key, value) -> copy.set(key, sorted(value)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  private static VersionFlag dialect(JsonNode root) {
    JsonNode declared = root.path("$schema");
    if (declared.isMissingNode()) {
      return VersionFlag.V7;
    }
    String iri = declared.asText().replaceAll("#$", "");
    for (VersionFlag flag : VersionFlag.values()) {
      if (flag.getId().replaceAll("#$", "").equals(iri)) {
        return flag;
      }
    }
    throw new InvalidInputException(
        "JSON schema declares an unsupported $schema: " + declared.asText());
  }

  private static void checkAgainstMetaSchema(JsonNode document, VersionFlag dialect, String what) {
    JsonSchema metaSchema =
        META_SCHEMAS.computeIfAbsent(
            dialect, d -> JsonSchemaFactory.getInstance(d).getSchema(SchemaLocation.of(d.getId())));
    List<String> errors = validate(metaSchema, document);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(what + " is not a valid JSON Schema: " + errors.get(0));
    }
  }

  /**
   * The base IRI of a schema document: its {@code $id} when that is absolute, otherwise a fixed
   * placeholder.
   */
  public static URI base(JsonNode root) {
    JsonNode id = root.path("$id");
    if (id.isTextual()) {
      try {
        URI uri = new URI(id.asText());
        if (uri.isAbsolute()) {
          return uri;
        }
      } catch (URISyntaxException e) {
        throw new InvalidInputException("JSON schema has an invalid $id: " + id.asText(), e);
      }
    }
    return URI.create(DEFAULT_BASE);
  }

  /**
   * The documents a schema's {@code $ref}s can reach, keyed by absolute IRI without fragment: the
   * root at its {@link #base}, and each reference (recursively), checked against its meta-schema.
   */
  public static Map<String, JsonNode> documents(ResolvedSchema schema) {
    return documents(schema, node(schema));
  }

  private static Map<String, JsonNode> documents(ResolvedSchema schema, JsonNode root) {
    URI base = base(root);
    Map<String, JsonNode> documents = new HashMap<>();
    documents.put(stripFragment(base.toString()), root);
    collectReferences(schema.references(), base, documents);
    return Map.copyOf(documents);
  }

  // References are keyed by the $ref the schema uses; a relative key resolves against the root's
  // base as the $ref does.
  private static void collectReferences(
      Map<String, ResolvedSchema> references, URI base, Map<String, JsonNode> into) {
    for (Map.Entry<String, ResolvedSchema> reference : new TreeMap<>(references).entrySet()) {
      String iri;
      try {
        iri = base.resolve(reference.getKey()).toString();
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "JSON reference name is not a URI: " + reference.getKey(), e);
      }
      String what = "JSON reference " + reference.getKey();
      JsonNode document = parseJson(reference.getValue().schema(), what);
      JsonNode existing = into.putIfAbsent(stripFragment(iri), document);
      if (existing == null) {
        checkAgainstMetaSchema(document, dialect(document), what);
        collectReferences(reference.getValue().references(), base, into);
      } else if (!existing.equals(document)) {
        throw new InvalidInputException(what + " is referenced with two different contents");
      }
    }
  }

  // Never returns null for an IRI outside the class path: the library would then try to fetch it
  // over the network.
  private static InputStreamSource document(Map<String, JsonNode> documents, String iri) {
    JsonNode document = documents.get(stripFragment(iri));
    if (document != null) {
      return () -> new ByteArrayInputStream(MAPPER.writeValueAsBytes(document));
    }
    // The bundled meta-schemas are served from the class path by the library's own loaders.
    if (iri.startsWith("classpath:") || iri.startsWith("resource:")) {
      return null;
    }
    throw new InvalidInputException("JSON schema $ref " + iri + " is not among its references");
  }

  /** An IRI without its {@code #fragment}: the document part. */
  public static String stripFragment(String iri) {
    int hash = iri.indexOf('#');
    return hash < 0 ? iri : iri.substring(0, hash);
  }
}
