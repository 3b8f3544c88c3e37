package io.kraftport.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema registry as exported: its flavour ({@code confluent}, {@code apicurio}, {@code other}),
 * global compatibility and mode, and every subject sorted by name. {@code subjectOverridesKnown} is
 * false where the server cannot tell a subject's own compatibility or mode from the inherited one
 * (Apicurio), so per-subject values are then what the server answered, not necessarily overrides.
 * {@code subjectCompatibilityKnown} is true where compatibility overrides are known although modes
 * are not (Apicurio, read through its own rules API); absent, it follows {@code
 * subjectOverridesKnown}, as in snapshots written before it existed.
 */
@JsonPropertyOrder({
  "url",
  "flavor",
  "globalCompatibility",
  "globalMode",
  "subjectOverridesKnown",
  "subjectCompatibilityKnown",
  "contexts",
  "subjects",
  "idChanges"
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RegistrySnapshot(
    String url,
    String flavor,
    String globalCompatibility,
    String globalMode,
    @JsonInclude(JsonInclude.Include.ALWAYS) boolean subjectOverridesKnown,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean subjectCompatibilityKnown,
    List<String> contexts,
    List<SubjectSnapshot> subjects,
    List<IdChange> idChanges) {

  public RegistrySnapshot {
    Objects.requireNonNull(flavor, "flavor");
    contexts = contexts == null ? List.of() : contexts.stream().sorted().toList();
    subjects =
        subjects == null
            ? List.of()
            : subjects.stream().sorted(Comparator.comparing(SubjectSnapshot::name)).toList();
    idChanges =
        idChanges == null
            ? List.of()
            : idChanges.stream().sorted(Comparator.comparingInt(IdChange::sourceId)).toList();
    // Said only where it adds something: true while modes are unknown.
    subjectCompatibilityKnown =
        Boolean.TRUE.equals(subjectCompatibilityKnown) && !subjectOverridesKnown
            ? Boolean.TRUE
            : null;
  }

  /** A snapshot whose per-subject compatibility is known exactly where all its overrides are. */
  public RegistrySnapshot(
      String url,
      String flavor,
      String globalCompatibility,
      String globalMode,
      boolean subjectOverridesKnown,
      List<String> contexts,
      List<SubjectSnapshot> subjects,
      List<IdChange> idChanges) {
    this(
        url,
        flavor,
        globalCompatibility,
        globalMode,
        subjectOverridesKnown,
        null,
        contexts,
        subjects,
        idChanges);
  }

  /**
   * Whether a subject's {@code compatibility} is its own override (null: it inherits), not just an
   * answer.
   */
  public boolean compatibilityOverridesKnown() {
    return subjectOverridesKnown || Boolean.TRUE.equals(subjectCompatibilityKnown);
  }

  public Optional<SubjectSnapshot> findSubject(String name) {
    return subjects.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** One version of a subject, if the snapshot holds both. */
  public Optional<SchemaVersion> findVersion(String subject, int version) {
    return findSubject(subject)
        .flatMap(s -> s.versions().stream().filter(v -> v.version() == version).findFirst());
  }

  /**
   * A schema id that an import could not keep: consumers of records written with {@code sourceId}
   * will break.
   */
  public record IdChange(int sourceId, int targetId) {}
}
