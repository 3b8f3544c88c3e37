package io.kraftport.roundtrip;

import io.kraftport.registry.Contexts;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A live registry in memory for round-trip tests: schemas by id, the id each subject's lookup
 * answers (by default the id the schema text has), compatibility answers per subject (compatible by
 * default), and the requests made.
 */
final class FakeRegistry implements RegistryView {
  final Map<Integer, ResolvedSchema> schemas = new HashMap<>();

  /** Schemas of contexts other than the default one, by context and id. */
  final Map<String, ResolvedSchema> inContexts = new HashMap<>();

  final Map<String, Lookup> lookups = new HashMap<>();
  final Map<String, Compatibility> compatibility = new HashMap<>();
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> idsByText = new HashMap<>();

  FakeRegistry with(int id, ResolvedSchema schema) {
    schemas.put(id, schema);
    idsByText.putIfAbsent(schema.schema(), id);
    return this;
  }

  FakeRegistry withIn(String context, int id, ResolvedSchema schema) {
    inContexts.put(context + "/" + id, schema);
    return this;
  }

  @Override
  public Optional<ResolvedSchema> findSchema(String context, int id) {
    if (Contexts.isDefault(context)) {
      requests.add("GET /schemas/ids/" + id);
      return Optional.ofNullable(schemas.get(id));
    }
    requests.add("GET /schemas/ids/" + id + "?subject=:" + context + ":");
    return Optional.ofNullable(inContexts.get(context + "/" + id));
  }

  @Override
  public boolean answersProducers() {
    return true;
  }

  @Override
  public Lookup lookup(String subject, SchemaVersion schema) {
    requests.add("POST /subjects/" + subject);
    Lookup answer = lookups.get(subject);
    if (answer != null) {
      return answer;
    }
    Integer id = idsByText.get(schema.schema());
    return id == null ? Lookup.notFound() : Lookup.found(id);
  }

  @Override
  public Compatibility checkCompatibility(String subject, SchemaVersion schema) {
    requests.add("POST /compatibility/subjects/" + subject + "/versions/latest");
    return compatibility.getOrDefault(subject, new Compatibility(true, 0, List.of()));
  }

  // Fixture builders for source snapshots.

  static SchemaVersion version(
      int version, int id, ResolvedSchema schema, SchemaReference... refs) {
    return new SchemaVersion(
        version, id, schema.type(), false, List.of(refs), null, null, schema.schema());
  }

  static SchemaVersion deleted(SchemaVersion v) {
    return new SchemaVersion(
        v.version(), v.id(), v.schemaType(), true, v.references(), null, null, v.schema());
  }

  static SubjectSnapshot subject(String name, SchemaVersion... versions) {
    return new SubjectSnapshot(name, false, null, null, List.of(versions));
  }

  static RegistrySnapshot registry(SubjectSnapshot... subjects) {
    return new RegistrySnapshot(
        "http://source",
        "confluent",
        "BACKWARD",
        "READWRITE",
        true,
        List.of(),
        List.of(subjects),
        List.of());
  }
}
