package io.kraftport.diff;

import io.kraftport.InvalidInputException;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical forms of one snapshot's schemas, computed once each through a {@link SchemaCanon}, with every
 * reference resolved: first in the snapshot itself, then in a fallback snapshot (the other side of an import, which
 * may hold schemas the export filtered out). A schema that does not parse, or whose references cannot be found,
 * has an error instead of a canonical form.
 */
public final class Canonicals {
  private final SchemaCanon canon;
  private final RegistrySnapshot snapshot;
  private final RegistrySnapshot fallback;
  private final Map<Key, Form> cache = new HashMap<>();

  /** A canonical text, or the reason there is none. */
  public record Form(String canonical, String error) {
    public boolean ok() {
      return error == null;
    }

    public boolean sameAs(Form other) {
      return ok() && other.ok() && canonical.equals(other.canonical);
    }
  }

  private record Key(String subject, int version) {}

  public Canonicals(SchemaCanon canon, RegistrySnapshot snapshot, RegistrySnapshot fallback) {
    this.canon = Objects.requireNonNull(canon, "canon");
    this.snapshot = snapshot;
    this.fallback = fallback;
  }

  public Form of(String subject, SchemaVersion version) {
    return cache.computeIfAbsent(new Key(subject, version.version()), k -> compute(version));
  }

  private Form compute(SchemaVersion version) {
    ResolvedSchema resolved;
    try {
      resolved = resolve(version, new HashSet<>());
    } catch (MissingReference e) {
      return new Form(null, e.getMessage());
    }
    try {
      return new Form(canon.canonical(resolved), null);
    } catch (InvalidInputException e) {
      return new Form(null, "does not parse: " + e.getMessage());
    }
  }

  private ResolvedSchema resolve(SchemaVersion version, Set<Key> visiting) {
    Map<String, ResolvedSchema> refs = new HashMap<>();
    for (SchemaReference r : version.references()) {
      Key key = new Key(r.subject(), r.version());
      if (!visiting.add(key)) {
        continue;
      }
      SchemaVersion target = find(r.subject(), r.version()).orElseThrow(() -> new MissingReference(
          "reference " + r.name() + " to " + r.subject() + "/" + r.version() + " cannot be found"));
      refs.put(r.name(), resolve(target, visiting));
      visiting.remove(key);
    }
    return new ResolvedSchema(version.schemaType(), version.schema(), refs);
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
