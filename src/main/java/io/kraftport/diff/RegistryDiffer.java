package io.kraftport.diff;

import io.kraftport.diff.Difference.Kind;
import io.kraftport.schema.SchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares two registry snapshots, source (expected) and target (actual), and returns their
 * differences sorted by {@link Difference#ORDER}: subject count, missing and extra subjects,
 * soft-deleted subjects, version lists (soft-deleted versions included), and per version the id,
 * type, canonical schema and references; then global and per-subject compatibility and modes. Where
 * one side cannot tell a subject's own setting from the inherited one (Apicurio's modes, or a
 * snapshot of Apicurio written before its compatibility was read from its rules API), effective
 * values are compared instead, so an inherited value is not reported against an equal one. An id
 * change recorded at import ({@link RegistrySnapshot#idChanges()}) is reported as accepted, not as
 * drift. A pure function: no I/O.
 */
public final class RegistryDiffer {
  /** The resource name of registry-wide settings. */
  public static final String REGISTRY = "registry";

  private static final int MAX_TEXT = 200;

  private RegistryDiffer() {}

  public static List<Difference> diff(
      RegistrySnapshot source, RegistrySnapshot target, SchemaCanon canon) {
    List<Difference> out = new ArrayList<>();
    Canonicals src = new Canonicals(canon, source, null);
    Canonicals tgt = new Canonicals(canon, target, null);
    Set<String> accepted = new HashSet<>();
    for (RegistrySnapshot s : List.of(source, target)) {
      s.idChanges().forEach(c -> accepted.add(c.sourceId() + ">" + c.targetId()));
    }
    if (source.subjects().size() != target.subjects().size()) {
      out.add(
          Difference.drift(
              Kind.SUBJECT_COUNT,
              REGISTRY,
              "subjects",
              source.subjects().size(),
              target.subjects().size()));
    }
    Map<String, SubjectSnapshot> targets = new TreeMap<>();
    target.subjects().forEach(t -> targets.put(t.name(), t));
    for (SubjectSnapshot s : source.subjects()) {
      SubjectSnapshot t = targets.remove(s.name());
      if (t == null) {
        out.add(Difference.drift(Kind.SUBJECT_MISSING, s.name(), null, s.name(), null));
      } else {
        subject(s, t, src, tgt, accepted, out);
        settings(source, s, target, t, out);
      }
    }
    targets
        .keySet()
        .forEach(name -> out.add(Difference.drift(Kind.SUBJECT_EXTRA, name, null, null, name)));
    global(source, target, out);
    out.sort(Difference.ORDER);
    return out;
  }

  private static void subject(
      SubjectSnapshot s,
      SubjectSnapshot t,
      Canonicals src,
      Canonicals tgt,
      Set<String> accepted,
      List<Difference> out) {
    if (s.deleted() != t.deleted()) {
      out.add(
          Difference.drift(Kind.SUBJECT_DELETED, s.name(), "deleted", s.deleted(), t.deleted()));
    }
    Map<Integer, SchemaVersion> targetVersions = new TreeMap<>();
    t.versions().forEach(v -> targetVersions.put(v.version(), v));
    String expected = versionList(s.versions());
    String actual = versionList(t.versions());
    if (!expected.equals(actual)) {
      out.add(Difference.drift(Kind.VERSIONS, s.name(), "versions", expected, actual));
    }
    for (SchemaVersion sv : s.versions()) {
      SchemaVersion tv = targetVersions.get(sv.version());
      if (tv != null) {
        version(s.name(), sv, tv, src, tgt, accepted, out);
      }
    }
  }

  private static void version(
      String subject,
      SchemaVersion sv,
      SchemaVersion tv,
      Canonicals src,
      Canonicals tgt,
      Set<String> accepted,
      List<Difference> out) {
    String resource = subject + "/" + sv.version();
    if (sv.deleted() != tv.deleted()) {
      out.add(
          Difference.drift(Kind.VERSION_DELETED, resource, "deleted", sv.deleted(), tv.deleted()));
    }
    if (sv.id() != tv.id()) {
      Difference d = Difference.drift(Kind.SCHEMA_ID, resource, "id", sv.id(), tv.id());
      out.add(
          accepted.contains(sv.id() + ">" + tv.id())
              ? d.withStatus(Difference.Status.ACCEPTED, "id change recorded at import")
              : d);
    }
    if (!sv.schemaType().equals(tv.schemaType())) {
      out.add(
          Difference.drift(
              Kind.SCHEMA_TYPE, resource, "schemaType", sv.schemaType(), tv.schemaType()));
    } else {
      Canonicals.Form sf = src.of(subject, sv);
      Canonicals.Form tf = tgt.of(subject, tv);
      if (sf.ok() && tf.ok()) {
        if (!sf.canonical().equals(tf.canonical())) {
          out.add(
              Difference.drift(
                  Kind.SCHEMA_TEXT, resource, "schema", cut(sf.canonical()), cut(tf.canonical())));
        }
      } else if (!(sv.schema().equals(tv.schema()) && sf.ok() == tf.ok())) {
        String note =
            (sf.ok() ? "" : "source schema " + sf.error() + ". ")
                + (tf.ok() ? "" : "target schema " + tf.error() + ".");
        out.add(
            new Difference(
                Difference.Status.DRIFT,
                Kind.SCHEMA_TEXT,
                resource,
                "schema",
                cut(sv.schema()),
                cut(tv.schema()),
                note.strip()));
      }
    }
    if (!new HashSet<>(sv.references()).equals(new HashSet<>(tv.references()))) {
      out.add(
          Difference.drift(
              Kind.REFERENCES,
              resource,
              "references",
              refs(sv.references()),
              refs(tv.references())));
    }
  }

  private static void settings(
      RegistrySnapshot source,
      SubjectSnapshot s,
      RegistrySnapshot target,
      SubjectSnapshot t,
      List<Difference> out) {
    setting(
        Kind.COMPATIBILITY,
        "compatibility",
        s.name(),
        source.compatibilityOverridesKnown(),
        s.compatibility(),
        source.globalCompatibility(),
        target.compatibilityOverridesKnown(),
        t.compatibility(),
        target.globalCompatibility(),
        "NONE",
        out);
    setting(
        Kind.MODE,
        "mode",
        s.name(),
        source.subjectOverridesKnown(),
        s.mode(),
        source.globalMode(),
        target.subjectOverridesKnown(),
        t.mode(),
        target.globalMode(),
        null,
        out);
  }

  /**
   * Compares a subject's setting. Where both sides tell overrides apart, the overrides are compared
   * (an override equal to the global value still differs from inheriting it); otherwise the
   * effective values are.
   */
  private static void setting(
      Kind kind,
      String field,
      String subject,
      boolean sourceKnown,
      String sourceValue,
      String sourceGlobal,
      boolean targetKnown,
      String targetValue,
      String targetGlobal,
      String noOverrideAnswer,
      List<Difference> out) {
    if (sourceKnown && targetKnown) {
      if (!Objects.equals(sourceValue, targetValue)) {
        out.add(
            Difference.drift(
                kind, subject, field, orInherited(sourceValue), orInherited(targetValue)));
      }
      return;
    }
    String expected = effective(sourceKnown, sourceValue, sourceGlobal, noOverrideAnswer);
    String actual = effective(targetKnown, targetValue, targetGlobal, noOverrideAnswer);
    if (!Objects.equals(expected, actual)) {
      out.add(
          new Difference(
              Difference.Status.DRIFT,
              kind,
              subject,
              field,
              expected,
              actual,
              "effective values: one registry does not tell a subject's own "
                  + field
                  + " from the global one"));
    }
  }

  private static String effective(
      boolean known, String value, String global, String noOverrideAnswer) {
    String own = override(known, value, global, noOverrideAnswer);
    return own != null ? own : global;
  }

  /**
   * A subject's own value: as recorded where the snapshot tells overrides apart ({@code known}:
   * always for compatibility since Apicurio's is read from its rules API, never for Apicurio's
   * modes); otherwise the answered value unless it is what Apicurio answers without an override
   * (NONE for compatibility, the global mode for modes).
   */
  public static String override(
      boolean known, String value, String global, String noOverrideAnswer) {
    if (known) {
      return value;
    }
    return value == null || value.equals(noOverrideAnswer) || value.equals(global) ? null : value;
  }

  private static void global(
      RegistrySnapshot source, RegistrySnapshot target, List<Difference> out) {
    if (!Objects.equals(source.globalCompatibility(), target.globalCompatibility())) {
      out.add(
          Difference.drift(
              Kind.COMPATIBILITY,
              REGISTRY,
              "compatibility",
              source.globalCompatibility(),
              target.globalCompatibility()));
    }
    if (!Objects.equals(source.globalMode(), target.globalMode())) {
      Difference d =
          Difference.drift(Kind.MODE, REGISTRY, "mode", source.globalMode(), target.globalMode());
      boolean frozenSource =
          Set.of("READONLY", "READONLY_OVERRIDE", "IMPORT").contains(source.globalMode());
      out.add(
          frozenSource && "READWRITE".equals(target.globalMode())
              ? d.withStatus(Difference.Status.TRANSLATED, "the import leaves the target READWRITE")
              : d);
    }
  }

  private static String orInherited(String value) {
    return value == null ? "(inherits global)" : value;
  }

  private static String versionList(List<SchemaVersion> versions) {
    return versions.stream()
        .map(v -> Integer.toString(v.version()))
        .collect(Collectors.joining(","));
  }

  private static String refs(List<SchemaReference> refs) {
    return refs.stream()
        .map(r -> r.name() + "=" + r.subject() + "/" + r.version())
        .sorted()
        .collect(Collectors.joining(","));
  }

  private static String cut(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...";
  }
}
