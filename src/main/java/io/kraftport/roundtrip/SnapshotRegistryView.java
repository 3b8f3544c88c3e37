package io.kraftport.roundtrip;

import io.kraftport.InvalidInputException;
import io.kraftport.registry.Contexts;
import io.kraftport.registry.RegistryFlavor;
import io.kraftport.schema.ReferenceResolver;
import io.kraftport.schema.ReferenceResolver.Unresolved;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import io.kraftport.snapshot.SubjectVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry snapshot as a {@link RegistryView}: schemas by context and id (each subject's context
 * is its id space; an Apicurio snapshot has a single one, its {@code :.ctx:} names being plain
 * names there), with references resolved by subject and version within the snapshot. It answers no
 * producer requests. Immutable, so safe for concurrent use.
 */
public final class SnapshotRegistryView implements RegistryView {
  private final RegistrySnapshot snapshot;
  private final boolean oneIdSpace;
  private final Map<IdKey, SchemaVersion> byId = new HashMap<>();
  private final Map<SubjectVersion, SchemaVersion> byKey = new HashMap<>();
  private final ReferenceResolver resolver;

  private record IdKey(String context, int id) {}

  public SnapshotRegistryView(RegistrySnapshot snapshot) {
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.oneIdSpace = RegistryFlavor.fromSnapshotName(snapshot.flavor()) == RegistryFlavor.APICURIO;
    for (SubjectSnapshot subject : snapshot.subjects()) {
      for (SchemaVersion v : subject.versions()) {
        byKey.put(new SubjectVersion(subject.name(), v.version()), v);
        // One id is one schema; a live version is preferred only so that messages name a version
        // still in use.
        IdKey key = idKey(Contexts.of(subject.name()), v.id());
        SchemaVersion known = byId.get(key);
        if (known == null || known.deleted() && !v.deleted()) {
          byId.put(key, v);
        }
      }
    }
    this.resolver =
        new ReferenceResolver(
            key -> Optional.ofNullable(byKey.get(key)).map(Unresolved::of),
            r ->
                new InvalidInputException(
                    r.describe()
                        + " is not in the registry snapshot"
                        + (snapshot.url() == null ? "" : " of " + snapshot.url())));
  }

  private IdKey idKey(String context, int id) {
    return new IdKey(oneIdSpace || Contexts.isDefault(context) ? Contexts.DEFAULT : context, id);
  }

  @Override
  public Optional<ResolvedSchema> findSchema(String context, int id) {
    SchemaVersion v = byId.get(idKey(context, id));
    return v == null ? Optional.empty() : Optional.of(resolve(v));
  }

  /**
   * A version of this snapshot with its references resolved, recursively, within the snapshot.
   *
   * @throws InvalidInputException if a reference names a subject version the snapshot does not hold
   */
  public ResolvedSchema resolve(SchemaVersion version) {
    return resolver.resolve(Unresolved.of(version));
  }

  @Override
  public boolean answersProducers() {
    return false;
  }

  @Override
  public Lookup lookup(String subject, SchemaVersion schema) {
    throw new UnsupportedOperationException("a registry snapshot answers no lookups");
  }

  @Override
  public Compatibility checkCompatibility(String subject, SchemaVersion schema) {
    throw new UnsupportedOperationException("a registry snapshot answers no compatibility checks");
  }
}
