package io.kraftport.diff;

import io.kraftport.InvalidInputException;
import io.kraftport.schema.ReferenceResolver;
import io.kraftport.schema.ReferenceResolver.Unresolved;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The canonical forms of one snapshot's schemas, computed once each through a {@link SchemaCanon},
 * with every reference resolved: first in the snapshot itself, then in a fallback snapshot (the
 * other side of an import, which may hold schemas the export filtered out). A schema that does not
 * parse, or whose references cannot be found, has an error instead of a canonical form.
 */
public final class Canonicals {
  private final SchemaCanon canon;
  private final RegistrySnapshot snapshot;
  private final RegistrySnapshot fallback;
  private final Map<SubjectVersion, Form> cache = new HashMap<>();
  private final ReferenceResolver resolver;

  /**
   * A canonical text, or the reason there is none: {@code outcome} says which case it is, {@code
   * error} says it in words (for a plan step or a difference).
   */
  public record Form(Outcome outcome, String canonical, String error) {
    public Form {
      Objects.requireNonNull(outcome, "outcome");
      if ((outcome == Outcome.PARSED) != (canonical != null)
          || (outcome == Outcome.PARSED) == (error != null)) {
        throw new IllegalArgumentException(
            "a parsed form has a canonical text and no error, any other an error");
      }
    }

    static Form parsed(String canonical) {
      return new Form(Outcome.PARSED, canonical, null);
    }

    static Form failed(Outcome outcome, String error) {
      return new Form(outcome, null, error);
    }

    public boolean ok() {
      return outcome == Outcome.PARSED;
    }

    public boolean sameAs(Form other) {
      return ok() && other.ok() && canonical.equals(other.canonical);
    }
  }

  /** Whether a schema has a canonical form, and if not, why not. */
  public enum Outcome {
    PARSED,
    /** The schema (or one it references) does not parse. */
    DOES_NOT_PARSE,
    /** A reference names a subject version neither snapshot holds. */
    REFERENCE_NOT_FOUND
  }

  public Canonicals(SchemaCanon canon, RegistrySnapshot snapshot, RegistrySnapshot fallback) {
    this.canon = Objects.requireNonNull(canon, "canon");
    this.snapshot = snapshot;
    this.fallback = fallback;
    this.resolver =
        new ReferenceResolver(
            key -> find(key.subject(), key.version()).map(Unresolved::of),
            r -> new MissingReference(r.describe() + " cannot be found"));
  }

  public Form of(String subject, SchemaVersion version) {
    return cache.computeIfAbsent(
        new SubjectVersion(subject, version.version()), k -> compute(version));
  }

  private Form compute(SchemaVersion version) {
    ResolvedSchema resolved;
    try {
      resolved = resolver.resolve(Unresolved.of(version));
    } catch (MissingReference e) {
      return Form.failed(Outcome.REFERENCE_NOT_FOUND, e.getMessage());
    }
    try {
      return Form.parsed(canon.canonical(resolved));
    } catch (InvalidInputException e) {
      return Form.failed(Outcome.DOES_NOT_PARSE, "does not parse: " + e.getMessage());
    }
  }

  Optional<SchemaVersion> find(String subject, int version) {
    Optional<SchemaVersion> own = snapshot.findVersion(subject, version);
    return own.isPresent() || fallback == null ? own : fallback.findVersion(subject, version);
  }

  private static final class MissingReference extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingReference(String message) {
      super(message, null, false, false);
    }
  }
}
