package io.kraftport.registry;

import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Small builders for registry snapshots in tests. */
final class Fixtures {
  private Fixtures() {}

  static RegistrySnapshot confluent(SubjectSnapshot... subjects) {
    return new RegistrySnapshot(
        "http://src",
        "confluent",
        "BACKWARD",
        "READWRITE",
        true,
        List.of(),
        List.of(subjects),
        List.of());
  }

  static RegistrySnapshot apicurio(SubjectSnapshot... subjects) {
    return new RegistrySnapshot(
        "http://dst/apis/ccompat/v7",
        "apicurio",
        "NONE",
        "READWRITE",
        false,
        List.of(),
        List.of(subjects),
        List.of());
  }

  /**
   * An Apicurio export whose compatibility overrides come from its rules API, under a BACKWARD
   * global.
   */
  static RegistrySnapshot apicurioWithRules(SubjectSnapshot... subjects) {
    return new RegistrySnapshot(
        "http://dst/apis/ccompat/v7",
        "apicurio",
        "BACKWARD",
        "READWRITE",
        false,
        true,
        List.of(),
        List.of(subjects),
        List.of());
  }

  static SubjectSnapshot subject(String name, SchemaVersion... versions) {
    boolean allDeleted =
        versions.length > 0 && List.of(versions).stream().allMatch(SchemaVersion::deleted);
    return new SubjectSnapshot(name, allDeleted, null, null, List.of(versions));
  }

  static SubjectSnapshot withOverrides(SubjectSnapshot s, String compatibility, String mode) {
    return new SubjectSnapshot(s.name(), s.deleted(), compatibility, mode, s.versions());
  }

  static SchemaVersion avro(int version, int id, String schema, SchemaReference... refs) {
    return new SchemaVersion(version, id, "AVRO", false, List.of(refs), null, null, schema);
  }

  static SchemaVersion deleted(SchemaVersion v) {
    return new SchemaVersion(
        v.version(),
        v.id(),
        v.schemaType(),
        true,
        v.references(),
        v.metadata(),
        v.ruleSet(),
        v.schema());
  }

  static SchemaVersion withId(SchemaVersion v, int id) {
    return new SchemaVersion(
        v.version(),
        id,
        v.schemaType(),
        v.deleted(),
        v.references(),
        v.metadata(),
        v.ruleSet(),
        v.schema());
  }

  static SchemaVersion withSchema(SchemaVersion v, String schema) {
    return new SchemaVersion(
        v.version(),
        v.id(),
        v.schemaType(),
        v.deleted(),
        v.references(),
        v.metadata(),
        v.ruleSet(),
        schema);
  }

  static SchemaReference ref(String name, String subject, int version) {
    return new SchemaReference(name, subject, version);
  }

  static RegistrySnapshot withGlobal(RegistrySnapshot s, String compatibility, String mode) {
    return new RegistrySnapshot(
        s.url(),
        s.flavor(),
        compatibility,
        mode,
        s.subjectOverridesKnown(),
        s.subjectCompatibilityKnown(),
        s.contexts(),
        s.subjects(),
        s.idChanges());
  }

  static RegistrySnapshot replace(RegistrySnapshot s, SubjectSnapshot subject) {
    List<SubjectSnapshot> out =
        new ArrayList<>(
            s.subjects().stream().filter(x -> !x.name().equals(subject.name())).toList());
    out.add(subject);
    return new RegistrySnapshot(
        s.url(),
        s.flavor(),
        s.globalCompatibility(),
        s.globalMode(),
        s.subjectOverridesKnown(),
        s.subjectCompatibilityKnown(),
        s.contexts(),
        out,
        s.idChanges());
  }

  static final String STRING = "\"string\"";
  static final String RECORD_A =
      "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
  static final String RECORD_A_REFORMATTED =
      "{ \"type\": \"record\",\n  \"name\": \"A\",\n  \"fields\": [ { \"name\": \"x\", \"type\": \"int\" } ] }";
  static final String RECORD_B =
      "{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"a\",\"type\":\"A\"}]}";
}
