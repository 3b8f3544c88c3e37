package io.kraftport.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kraftport.registry.RegisterRequest;
import io.kraftport.registry.RegistryClient;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds a schema registry from a sample file ({@code samples/demo-schemas.json}, packed into the
 * jar) through the Confluent API, the way producers would: registrations in order, then soft
 * deletes, then per-subject compatibility. Every subject name, including those references point to,
 * gets a prefix so tests sharing a registry never collide.
 */
public final class RegistrySeeder {
  /** The sample file's content. */
  public record Sample(
      String about, List<SampleSchema> schemas, Map<String, String> compatibility) {
    public Sample {
      schemas = schemas == null ? List.of() : List.copyOf(schemas);
      compatibility = compatibility == null ? Map.of() : Map.copyOf(compatibility);
    }
  }

  /**
   * One registration: a schema (JSON, or text for Protobuf), its references, and whether to
   * soft-delete it.
   */
  public record SampleSchema(
      String subject,
      String schemaType,
      JsonNode schema,
      List<SchemaReference> references,
      boolean softDelete) {
    String text() {
      return schema.isTextual() ? schema.asText() : schema.toString();
    }
  }

  /** A registered version: where it went and the id the registry gave it. */
  public record Registered(String subject, int version, int id) {}

  private RegistrySeeder() {}

  public static Sample load(String name) {
    return Samples.read(name, Sample.class);
  }

  public static List<Registered> seed(RegistryClient client, Sample sample, String prefix) {
    Map<String, Integer> versions = new HashMap<>();
    List<Registered> out = new ArrayList<>();
    List<Registered> toDelete = new ArrayList<>();
    for (SampleSchema s : sample.schemas()) {
      String subject = prefix + s.subject();
      List<SchemaReference> refs =
          s.references() == null
              ? List.of()
              : s.references().stream()
                  .map(r -> new SchemaReference(r.name(), prefix + r.subject(), r.version()))
                  .toList();
      int id =
          client.register(
              subject, new RegisterRequest(s.text(), s.schemaType(), refs, null, null, null, null));
      int version = versions.merge(subject, 1, Integer::sum);
      Registered r = new Registered(subject, version, id);
      out.add(r);
      if (s.softDelete()) {
        toDelete.add(r);
      }
    }
    for (Registered r : toDelete) {
      client.softDeleteVersion(r.subject(), r.version());
    }
    sample
        .compatibility()
        .forEach((subject, level) -> client.setSubjectCompatibility(prefix + subject, level));
    return out;
  }
}
