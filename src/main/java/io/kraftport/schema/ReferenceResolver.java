package io.kraftport.schema;

import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import io.kraftport.snapshot.SubjectVersion;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a schema's references, recursively, into a {@link ResolvedSchema}: each reference is
 * looked up as the subject version it names through a {@link Lookup} (a snapshot, a live registry:
 * the one place the callers differ), and one that cannot be found fails with the caller's
 * exception. A reference cycle is resolved once: the parsers see each schema a single time anyway.
 */
public final class ReferenceResolver {
  private final Lookup lookup;
  private final Missing missing;

  /** A schema before its references are resolved: its type, text and references. */
  public record Unresolved(String type, String schema, List<SchemaReference> references) {
    public Unresolved {
      references = references == null ? List.of() : List.copyOf(references);
    }

    public static Unresolved of(SchemaVersion version) {
      return new Unresolved(version.schemaType(), version.schema(), version.references());
    }
  }

  /** Where a referenced subject version is found, if anywhere. */
  @FunctionalInterface
  public interface Lookup {
    Optional<Unresolved> find(SubjectVersion version);
  }

  /** The exception for a reference that cannot be found. */
  @FunctionalInterface
  public interface Missing {
    RuntimeException of(SchemaReference reference);
  }

  public ReferenceResolver(Lookup lookup, Missing missing) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.missing = Objects.requireNonNull(missing, "missing");
  }

  /**
   * The schema with every reference resolved.
   *
   * @throws RuntimeException the one {@link Missing} makes, for the first reference that cannot be
   *     found
   */
  public ResolvedSchema resolve(Unresolved schema) {
    return resolve(schema, new HashSet<>());
  }

  private ResolvedSchema resolve(Unresolved schema, Set<SubjectVersion> visiting) {
    Map<String, ResolvedSchema> refs = new HashMap<>();
    for (SchemaReference r : schema.references()) {
      SubjectVersion key = SubjectVersion.of(r);
      if (!visiting.add(key)) {
        continue;
      }
      Unresolved target = lookup.find(key).orElseThrow(() -> missing.of(r));
      refs.put(r.name(), resolve(target, visiting));
      visiting.remove(key);
    }
    return new ResolvedSchema(schema.type(), schema.schema(), refs);
  }
}
