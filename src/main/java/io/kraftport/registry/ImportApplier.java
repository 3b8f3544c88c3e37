package io.kraftport.registry;

import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportStep;
import io.kraftport.plan.SettingChange;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.RegistrySnapshot.IdChange;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import io.kraftport.snapshot.SubjectSnapshot;
import io.kraftport.snapshot.SubjectVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Carries out an import plan that has no conflicts. Through the Confluent API: puts the target (or
 * each imported subject) in IMPORT mode, registers the versions in the plan's order with their ids
 * and versions, replays soft deletes (referrers first), copies compatibility, and always puts the
 * modes back, also when a write fails. On an Apicurio target: the admin import of a ZIP export (of
 * everything into an empty registry, of the missing subjects into a non-empty one), then the soft
 * deletes, compatibility and mode settings.
 */
final class ImportApplier {
  private final RegistryClient client;

  ImportApplier(RegistryClient client) {
    this.client = client;
  }

  /**
   * What applying did that the plan could not know: the ids that changed, and mismatches seen while
   * writing.
   */
  record Applied(List<IdChange> idChanges, List<String> problems) {}

  /**
   * Applies {@code plan}; {@code admin} is the Apicurio target as planned against (null on other
   * targets).
   */
  Applied apply(
      ImportPlan plan, RegistrySnapshot source, RegistrySnapshot target, ApicurioTarget admin) {
    return switch (plan.strategy()) {
      case NONE -> new Applied(List.of(), List.of());
      case APICURIO_ADMIN_IMPORT -> apicurio(plan, source, null);
      case APICURIO_ADMIN_IMPORT_MISSING ->
          apicurio(plan, registered(plan, source), Objects.requireNonNull(admin, "admin"));
      default -> confluentApi(plan, source, target);
    };
  }

  /**
   * The admin import: of the whole source into an empty registry ({@code admin} null), or of only
   * the missing subjects into a non-empty one, with global ids after the target's highest so none
   * is skipped as taken.
   */
  private Applied apicurio(ImportPlan plan, RegistrySnapshot archived, ApicurioTarget admin) {
    String version =
        client.apicurioSystemInfo().map(i -> i.path("version").asText("3")).orElse("3");
    List<byte[]> archives =
        ApicurioArchive.build(
            archived,
            version.isBlank() ? "3" : version,
            Instant.now(),
            ApicurioArchive.DEFAULT_MAX_ENTRIES,
            admin == null ? 0 : admin.maxGlobalId());
    // Into an empty registry, the first archive needs the emptiness the plan checked; the next ones
    // add to what the
    // first wrote. Into a non-empty one, the plan proved that no id the archives carry is taken.
    for (int i = 0; i < archives.size(); i++) {
      client.apicurioImport(archives.get(i), admin == null && i == 0);
    }
    List<ImportStep> deletes = plan.steps(ImportStep.Action.SOFT_DELETE);
    for (int i = deletes.size() - 1; i >= 0; i--) {
      client.softDeleteVersion(deletes.get(i).subject(), deletes.get(i).version());
    }
    compatibility(plan);
    modes(plan);
    return new Applied(List.of(), List.of());
  }

  /** The source cut to the versions the plan registers, in the source's order of subjects. */
  static RegistrySnapshot registered(ImportPlan plan, RegistrySnapshot source) {
    Set<String> register = new HashSet<>();
    plan.steps(ImportStep.Action.REGISTER).forEach(s -> register.add(s.resource()));
    List<SubjectSnapshot> subjects = new ArrayList<>();
    for (SubjectSnapshot s : source.subjects()) {
      List<SchemaVersion> versions =
          s.versions().stream()
              .filter(v -> register.contains(s.name() + "/" + v.version()))
              .toList();
      if (!versions.isEmpty()) {
        subjects.add(
            new SubjectSnapshot(
                s.name(),
                versions.stream().allMatch(SchemaVersion::deleted),
                s.compatibility(),
                s.mode(),
                versions));
      }
    }
    return new RegistrySnapshot(
        source.url(),
        source.flavor(),
        source.globalCompatibility(),
        source.globalMode(),
        source.subjectOverridesKnown(),
        source.contexts(),
        subjects,
        source.idChanges());
  }

  private Applied confluentApi(ImportPlan plan, RegistrySnapshot source, RegistrySnapshot target) {
    boolean keepIds =
        plan.strategy() == ImportPlan.Strategy.IMPORT_MODE_GLOBAL
            || plan.strategy() == ImportPlan.Strategy.IMPORT_MODE_SUBJECTS;
    Set<String> importSubjects = new LinkedHashSet<>();
    plan.steps().stream()
        .filter(
            s ->
                s.action() == ImportStep.Action.REGISTER
                    || s.action() == ImportStep.Action.SOFT_DELETE)
        .forEach(s -> importSubjects.add(s.subject()));
    Writes writes = new Writes(source, keepIds);
    List<String> modesSet = new ArrayList<>();
    try {
      if (plan.strategy() == ImportPlan.Strategy.IMPORT_MODE_GLOBAL) {
        client.setGlobalMode("IMPORT", false);
        modesSet.add(null);
      } else if (plan.strategy() == ImportPlan.Strategy.IMPORT_MODE_SUBJECTS) {
        for (String s : importSubjects) {
          client.setSubjectMode(s, "IMPORT", target.findSubject(s).isPresent());
          modesSet.add(s);
        }
      }
      for (ImportStep step : plan.steps(ImportStep.Action.REGISTER)) {
        writes.register(step);
      }
      List<ImportStep> deletes =
          plan.steps().stream()
              .filter(
                  s ->
                      s.deleted()
                          && (s.action() == ImportStep.Action.REGISTER
                              || s.action() == ImportStep.Action.SOFT_DELETE))
              .toList();
      for (int i = deletes.size() - 1; i >= 0; i--) {
        writes.softDelete(deletes.get(i));
      }
      compatibility(plan);
    } catch (RuntimeException e) {
      try {
        restoreModes(modesSet, target);
      } catch (RuntimeException restore) {
        e.addSuppressed(restore);
      }
      throw e;
    }
    restoreModes(modesSet, target);
    modes(plan);
    return new Applied(List.copyOf(writes.idChanges.values()), writes.problems);
  }

  /**
   * Puts every mode this import set back: the global mode to READWRITE, each subject to what it had
   * before.
   */
  private void restoreModes(List<String> modesSet, RegistrySnapshot target) {
    for (String subject : modesSet) {
      if (subject == null) {
        client.setGlobalMode("READWRITE", false);
        continue;
      }
      String before =
          target.subjectOverridesKnown()
              ? target.findSubject(subject).map(SubjectSnapshot::mode).orElse(null)
              : null;
      if (before != null && !before.equals("IMPORT")) {
        client.setSubjectMode(subject, before, false);
        continue;
      }
      try {
        client.deleteSubjectMode(subject);
      } catch (RegistryException e) {
        if (!e.isUnsupportedEndpoint()) {
          throw e;
        }
        client.setSubjectMode(subject, "READWRITE", false);
      }
    }
  }

  private void compatibility(ImportPlan plan) {
    for (SettingChange c : plan.settings()) {
      if (c.setting() != SettingChange.Setting.COMPATIBILITY) {
        continue;
      }
      if (c.isGlobal()) {
        client.setGlobalCompatibility(c.to());
      } else if (c.to() == null) {
        client.deleteSubjectCompatibility(c.subject());
      } else {
        client.setSubjectCompatibility(c.subject(), c.to());
      }
    }
  }

  private void modes(ImportPlan plan) {
    for (SettingChange c : plan.settings()) {
      if (c.setting() != SettingChange.Setting.MODE || c.isGlobal()) {
        continue;
      }
      if (c.to() == null) {
        client.deleteSubjectMode(c.subject());
      } else {
        client.setSubjectMode(c.subject(), c.to(), false);
      }
    }
  }

  /**
   * The registrations and soft deletes of one import, with the versions and ids the target gave.
   */
  private final class Writes {
    private final RegistrySnapshot source;
    private final boolean keepIds;
    private final Map<SubjectVersion, Integer> targetVersions = new HashMap<>();
    private final Map<Integer, IdChange> idChanges = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    Writes(RegistrySnapshot source, boolean keepIds) {
      this.source = source;
      this.keepIds = keepIds;
    }

    void register(ImportStep step) {
      SchemaVersion v = version(step);
      RegisterRequest request = request(v);
      int id = client.register(step.subject(), request);
      if (keepIds) {
        if (id != v.id()) {
          problems.add(step.resource() + ": registered under id " + id + " instead of " + v.id());
        }
        return;
      }
      if (id != v.id()) {
        idChanges.putIfAbsent(v.id(), new IdChange(v.id(), id));
      }
      client
          .lookup(step.subject(), request, true)
          .map(SchemaEntry::version)
          .ifPresent(tv -> targetVersions.put(new SubjectVersion(step.subject(), v.version()), tv));
    }

    void softDelete(ImportStep step) {
      int targetVersion = step.version();
      if (!keepIds || step.action() == ImportStep.Action.SOFT_DELETE) {
        targetVersion =
            client
                .lookup(step.subject(), request(version(step)), true)
                .map(SchemaEntry::version)
                .orElse(
                    targetVersions.getOrDefault(
                        new SubjectVersion(step.subject(), step.version()), step.version()));
      }
      client.softDeleteVersion(step.subject(), targetVersion);
    }

    /**
     * The registration of a source version; without kept ids, references point at the target's
     * version numbers.
     */
    private RegisterRequest request(SchemaVersion v) {
      RegisterRequest plain = RegisterRequest.of(v, keepIds);
      if (keepIds || v.references().isEmpty()) {
        return plain;
      }
      List<SchemaReference> refs =
          v.references().stream()
              .map(
                  r ->
                      new SchemaReference(
                          r.name(),
                          r.subject(),
                          targetVersions.getOrDefault(SubjectVersion.of(r), r.version())))
              .toList();
      return new RegisterRequest(
          plain.schema(), plain.schemaType(), refs, plain.metadata(), plain.ruleSet(), null, null);
    }

    private SchemaVersion version(ImportStep step) {
      return RegistryExporter.find(source, step.subject(), step.version()).orElseThrow();
    }
  }
}
