package io.kraftport.registry;

import static io.kraftport.diff.RegistryDiffer.override;

import io.kraftport.InvalidInputException;
import io.kraftport.diff.Canonicals;
import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportStep;
import io.kraftport.plan.SettingChange;
import io.kraftport.schema.SchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides an import without touching any registry: given the source snapshot, the target's current
 * snapshot and flavour, it classifies each source version (register, already there, soft-delete,
 * conflict), picks how ids are kept, and lists the compatibility and mode changes. Schemas are
 * compared in canonical form. A source schema that does not parse fails the plan with an {@link
 * InvalidInputException} naming every such subject version.
 */
final class ImportPlanner {
  private static final int MAX_LISTED = 10;
  private final SchemaCanon canon;

  ImportPlanner(SchemaCanon canon) {
    this.canon = Objects.requireNonNull(canon, "canon");
  }

  /** A target version with the subject it belongs to. */
  private record Located(String subject, SchemaVersion version) {}

  ImportPlan plan(
      RegistrySnapshot source,
      RegistrySnapshot target,
      RegistryFlavor flavor,
      ImportOptions options) {
    return plan(source, target, null, flavor, options);
  }

  /**
   * The plan, where {@code admin} is what an Apicurio target's admin export shows (null when it
   * could not be read): with it, a non-empty Apicurio target gets only what it misses through the
   * admin import, ids kept.
   */
  ImportPlan plan(
      RegistrySnapshot source,
      RegistrySnapshot target,
      ApicurioTarget admin,
      RegistryFlavor flavor,
      ImportOptions options) {
    Canonicals src = new Canonicals(canon, source, target);
    Canonicals tgt = new Canonicals(canon, target, null);
    boolean apicurio = flavor == RegistryFlavor.APICURIO;
    List<TopologicalOrder.Node> order = TopologicalOrder.of(source);
    requireParsable(order, src);

    Map<IdKey, List<Located>> targetIds = new HashMap<>();
    for (SubjectSnapshot s : target.subjects()) {
      for (SchemaVersion v : s.versions()) {
        targetIds
            .computeIfAbsent(idKey(apicurio, s.name(), v.id()), k -> new ArrayList<>())
            .add(new Located(s.name(), v));
      }
    }
    List<ImportStep> steps = new ArrayList<>();
    for (TopologicalOrder.Node node : order) {
      steps.add(step(node, target, targetIds, src, tgt, apicurio, options));
    }

    List<SettingChange> settings = settings(source, target);
    List<String> blockers = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean registers = steps.stream().anyMatch(s -> s.action() == ImportStep.Action.REGISTER);
    boolean softDeletes = steps.stream().anyMatch(s -> s.action() == ImportStep.Action.SOFT_DELETE);
    ImportPlan.Strategy strategy;
    if (!registers) {
      strategy =
          softDeletes || !settings.isEmpty()
              ? ImportPlan.Strategy.SETTINGS_ONLY
              : ImportPlan.Strategy.NONE;
    } else if (apicurio) {
      if (target.subjects().isEmpty() && (admin == null || admin.isEmpty())) {
        strategy = ImportPlan.Strategy.APICURIO_ADMIN_IMPORT;
        blockers.addAll(apicurioContentClashes(source));
      } else if (admin != null) {
        List<ImportStep> checked = ApicurioClashes.check(steps, source, admin);
        if (!options.allowIdChange()) {
          strategy = ImportPlan.Strategy.APICURIO_ADMIN_IMPORT_MISSING;
          steps = checked;
          blockers.addAll(apicurioContentClashes(source));
        } else if (checked.equals(steps) && apicurioContentClashes(source).isEmpty()) {
          strategy = ImportPlan.Strategy.APICURIO_ADMIN_IMPORT_MISSING;
        } else {
          strategy = ImportPlan.Strategy.REGISTER_WITH_NEW_IDS;
        }
      } else {
        strategy =
            newIds(
                options,
                blockers,
                "Apicurio keeps explicit ids only through its admin import, and the"
                    + " target's admin export (GET /apis/registry/v3/admin/export), needed to check it for clashes, could not"
                    + " be read");
      }
    } else if (target.globalMode() == null) {
      strategy =
          newIds(
              options,
              blockers,
              "the target does not answer GET /mode, so it cannot take explicit ids");
    } else if (target.subjects().isEmpty()
        && source.subjects().stream().noneMatch(s -> s.name().startsWith(":."))) {
      strategy = ImportPlan.Strategy.IMPORT_MODE_GLOBAL;
    } else {
      strategy = ImportPlan.Strategy.IMPORT_MODE_SUBJECTS;
    }
    notes(source, apicurio, strategy, notes);
    return new ImportPlan(
        target.url(), flavor.snapshotName(), strategy, steps, settings, blockers, notes);
  }

  private ImportStep step(
      TopologicalOrder.Node node,
      RegistrySnapshot target,
      Map<IdKey, List<Located>> targetIds,
      Canonicals src,
      Canonicals tgt,
      boolean apicurio,
      ImportOptions options) {
    String s = node.subject();
    SchemaVersion sv = node.version();
    if (node.inCycle()) {
      return conflict(s, sv, "its references form a cycle");
    }
    Canonicals.Form sf = src.of(s, sv);
    if (!sf.ok()) {
      return conflict(s, sv, sf.error());
    }
    Optional<SchemaVersion> same = RegistryExporter.find(target, s, sv.version());
    String difference = same.map(tv -> contentDifference(sv, sf, tv, tgt.of(s, tv))).orElse(null);
    if (options.allowIdChange() && (same.isEmpty() || difference != null)) {
      // Registered earlier with new ids, versions may have been renumbered too: find it by content.
      Optional<SchemaVersion> byContent =
          target.findSubject(s).stream()
              .flatMap(t -> t.versions().stream())
              .filter(tv -> contentDifference(sv, sf, tv, tgt.of(s, tv)) == null)
              .findFirst();
      if (byContent.isPresent()) {
        same = byContent;
        difference = null;
      }
    }
    if (same.isEmpty()) {
      if (!options.allowIdChange()) {
        for (Located other : targetIds.getOrDefault(idKey(apicurio, s, sv.id()), List.of())) {
          if (contentDifference(sv, sf, other.version(), tgt.of(other.subject(), other.version()))
              != null) {
            return conflict(
                s,
                sv,
                "id "
                    + sv.id()
                    + " is taken on the target by "
                    + other.subject()
                    + "/"
                    + other.version().version()
                    + ", another schema");
          }
        }
      }
      return new ImportStep(
          ImportStep.Action.REGISTER, s, sv.version(), sv.id(), sv.deleted(), null);
    }
    SchemaVersion tv = same.get();
    String at = s + "/" + tv.version();
    if (difference != null) {
      return conflict(s, sv, "the target's " + at + " differs: " + difference);
    }
    String idNote = null;
    if (tv.id() != sv.id()) {
      if (!options.allowIdChange()) {
        return conflict(s, sv, "the target has this schema as " + at + " under id " + tv.id());
      }
      idNote = "on the target as " + at + " under id " + tv.id();
    }
    if (!sv.deleted() && tv.deleted()) {
      return conflict(s, sv, at + " is soft-deleted on the target but live in the source");
    }
    ImportStep.Action action =
        sv.deleted() && !tv.deleted()
            ? ImportStep.Action.SOFT_DELETE
            : ImportStep.Action.EXISTS_SAME;
    return new ImportStep(action, s, sv.version(), sv.id(), sv.deleted(), idNote);
  }

  /**
   * What differs between two versions' content (type, canonical schema, references), or null when
   * nothing.
   */
  static String contentDifference(
      SchemaVersion a, Canonicals.Form af, SchemaVersion b, Canonicals.Form bf) {
    if (!a.schemaType().equals(b.schemaType())) {
      return "schema type " + a.schemaType() + " vs " + b.schemaType();
    }
    if (!af.sameAs(bf)) {
      return bf.ok() ? "another schema" : "the target's schema " + bf.error();
    }
    if (!new HashSet<>(a.references()).equals(new HashSet<>(b.references()))) {
      return "other references";
    }
    return null;
  }

  private static ImportStep conflict(String subject, SchemaVersion v, String reason) {
    return new ImportStep(
        ImportStep.Action.CONFLICT, subject, v.version(), v.id(), v.deleted(), reason);
  }

  private static void requireParsable(List<TopologicalOrder.Node> order, Canonicals src) {
    List<String> invalid = new ArrayList<>();
    for (TopologicalOrder.Node n : order) {
      Canonicals.Form f = src.of(n.subject(), n.version());
      if (f.outcome() == Canonicals.Outcome.DOES_NOT_PARSE) {
        invalid.add(n.subject() + "/" + n.version().version() + " " + f.error());
      }
    }
    if (!invalid.isEmpty()) {
      String listed = String.join("; ", invalid.subList(0, Math.min(MAX_LISTED, invalid.size())));
      throw new InvalidInputException(
          invalid.size()
              + " source schema"
              + (invalid.size() == 1 ? "" : "s")
              + " cannot be imported: "
              + listed
              + (invalid.size() > MAX_LISTED ? "; ..." : ""));
    }
  }

  /**
   * The id space a subject's ids live in: its context on Confluent, one space for all on Apicurio.
   */
  private static IdKey idKey(boolean apicurio, String subject, int id) {
    String context = ".";
    if (!apicurio && subject.startsWith(":.")) {
      int end = subject.indexOf(':', 2);
      context = end < 0 ? subject : subject.substring(0, end + 1);
    }
    return new IdKey(context, id);
  }

  /** An id within its id space. */
  private record IdKey(String context, int id) {}

  /** What Apicurio tells content apart by: type, raw text and references. */
  private record Content(
      String schemaType, String schema, List<SchemaVersion.SchemaReference> references) {}

  private static ImportPlan.Strategy newIds(
      ImportOptions options, List<String> blockers, String why) {
    if (!options.allowIdChange()) {
      blockers.add(
          "schema ids cannot be kept: " + why + "; allow id changes to register under new ids");
    }
    return ImportPlan.Strategy.REGISTER_WITH_NEW_IDS;
  }

  /**
   * Apicurio keeps one id per content (the same bytes and references) in a single id space. Raw
   * text is compared on purpose here: that is how Apicurio tells content apart.
   */
  private static List<String> apicurioContentClashes(RegistrySnapshot source) {
    Map<Integer, Content> contentById = new HashMap<>();
    Map<Content, Integer> idByContent = new HashMap<>();
    Set<String> out = new HashSet<>();
    for (SubjectSnapshot s : source.subjects()) {
      for (SchemaVersion v : s.versions()) {
        Content content = new Content(v.schemaType(), v.schema(), v.references());
        Content known = contentById.putIfAbsent(v.id(), content);
        if (known != null && !known.equals(content)) {
          out.add(
              "id "
                  + v.id()
                  + " carries two different schemas in the source (contexts?), and Apicurio has one"
                  + " id space");
        }
        Integer other = idByContent.putIfAbsent(content, v.id());
        if (other != null && other != v.id()) {
          out.add(
              "ids "
                  + Math.min(other, v.id())
                  + " and "
                  + Math.max(other, v.id())
                  + " carry the same schema,"
                  + " and Apicurio keeps one id per content");
        }
      }
    }
    return out.stream().sorted().toList();
  }

  private static List<SettingChange> settings(RegistrySnapshot source, RegistrySnapshot target) {
    List<SettingChange> out = new ArrayList<>();
    if (source.globalCompatibility() != null
        && !source.globalCompatibility().equals(target.globalCompatibility())) {
      out.add(
          new SettingChange(
              SettingChange.Setting.COMPATIBILITY,
              null,
              target.globalCompatibility(),
              source.globalCompatibility()));
    }
    for (SubjectSnapshot s : source.subjects()) {
      Optional<SubjectSnapshot> t = target.findSubject(s.name());
      subjectChange(
          SettingChange.Setting.COMPATIBILITY,
          s.name(),
          override(
              source.compatibilityOverridesKnown(),
              s.compatibility(),
              source.globalCompatibility(),
              "NONE"),
          t.map(
                  ts ->
                      override(
                          target.compatibilityOverridesKnown(),
                          ts.compatibility(),
                          target.globalCompatibility(),
                          "NONE"))
              .orElse(null),
          target.compatibilityOverridesKnown(),
          out);
      String mode = override(source.subjectOverridesKnown(), s.mode(), source.globalMode(), null);
      subjectChange(
          SettingChange.Setting.MODE,
          s.name(),
          "IMPORT".equals(mode) ? null : mode,
          t.map(
                  ts ->
                      override(
                          target.subjectOverridesKnown(), ts.mode(), target.globalMode(), null))
              .orElse(null),
          target.subjectOverridesKnown(),
          out);
    }
    return out;
  }

  private static void subjectChange(
      SettingChange.Setting setting,
      String subject,
      String desired,
      String current,
      boolean canRemove,
      List<SettingChange> out) {
    if (Objects.equals(desired, current) || (desired == null && !canRemove)) {
      return;
    }
    out.add(new SettingChange(setting, subject, current, desired));
  }

  private static void notes(
      RegistrySnapshot source, boolean apicurio, ImportPlan.Strategy strategy, List<String> notes) {
    if (source.globalMode() != null && !source.globalMode().equals("READWRITE")) {
      notes.add(
          "the source's global mode "
              + source.globalMode()
              + " is not copied: the target is left READWRITE");
    }
    long withRules =
        source.subjects().stream()
            .flatMap(s -> s.versions().stream())
            .filter(v -> v.metadata() != null || v.ruleSet() != null)
            .count();
    if (apicurio && withRules > 0) {
      notes.add(withRules + " versions carry metadata or rule sets, which Apicurio does not keep");
    }
    if (strategy == ImportPlan.Strategy.APICURIO_ADMIN_IMPORT_MISSING) {
      notes.add(
          "the target is not empty: only the subjects it misses go in, through Apicurio's admin import with"
              + " requireEmptyRegistry=false, checked afterwards");
    }
    if (strategy == ImportPlan.Strategy.REGISTER_WITH_NEW_IDS) {
      notes.add(
          "the target chooses ids and version numbers; the result lists every id that changed");
    }
    if (apicurio && source.subjects().stream().anyMatch(s -> s.name().startsWith(":."))) {
      notes.add(
          "Apicurio has no contexts: context subjects are stored under their qualified names");
    }
  }
}
