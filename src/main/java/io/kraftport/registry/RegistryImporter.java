package io.kraftport.registry;

import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportResult;
import io.kraftport.plan.ImportStep;
import io.kraftport.schema.SchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports a registry snapshot into a target registry, keeping schema ids and versions. It always
 * plans first (from one export of the target, which applying the plan reuses): a dry run returns
 * the plan, and a plan with any conflict writes nothing. Applying goes through IMPORT mode on
 * Confluent-compatible targets and through the admin import on an Apicurio target (of only what it
 * misses where it is not empty, after checking that none of those ids is taken); where ids cannot
 * be kept it refuses unless ids may change. Importing again onto an imported target writes nothing,
 * and an interrupted import is finished by running it again. Schemas are compared in canonical form
 * through the given {@link SchemaCanon}.
 */
public final class RegistryImporter {
  private final RegistryClient target;
  private final ImportPlanner planner;

  public RegistryImporter(RegistryClient target, SchemaCanon canon) {
    this.target = Objects.requireNonNull(target, "target");
    this.planner = new ImportPlanner(canon);
  }

  /**
   * A plan and the target as it was read to make it: what {@link #apply} needs, so an import
   * exports the target once. {@code admin} is the Apicurio admin export's view (null on other
   * registries or where it cannot be read).
   */
  public record Planned(ImportPlan plan, RegistrySnapshot target, ApicurioTarget admin) {}

  /**
   * The plan for importing {@code source} into the target as it is now.
   *
   * @throws io.kraftport.InvalidInputException if a source schema does not parse (naming each such
   *     version)
   */
  public ImportPlan plan(RegistrySnapshot source, ImportOptions options) {
    return prepare(source, options).plan();
  }

  /**
   * Exports the target once and plans the import of {@code source} into it, keeping what was read
   * for {@link #apply}.
   *
   * @throws io.kraftport.InvalidInputException if a source schema does not parse (naming each such
   *     version)
   */
  public Planned prepare(RegistrySnapshot source, ImportOptions options) {
    RegistrySnapshot before = exportTarget();
    ApicurioTarget admin = adminTarget();
    return new Planned(
        planner.plan(source, before, admin, target.flavor(), options), before, admin);
  }

  /**
   * Plans and, unless a dry run or in conflict, applies; then checks the target holds what was
   * planned.
   */
  public ImportResult run(RegistrySnapshot source, ImportOptions options) {
    Planned planned = prepare(source, options);
    if (options.dryRun()) {
      return new ImportResult(planned.plan(), ImportResult.Status.DRY_RUN, List.of(), List.of());
    }
    return apply(planned, source);
  }

  /**
   * Applies a plan made by {@link #prepare} for the same {@code source}, unless it is in conflict
   * or writes nothing; then checks the target holds what was planned. The target is not read again:
   * the plan is taken as still true.
   */
  public ImportResult apply(Planned planned, RegistrySnapshot source) {
    ImportPlan plan = planned.plan();
    if (plan.hasConflicts()) {
      return new ImportResult(plan, ImportResult.Status.CONFLICTS, List.of(), List.of());
    }
    if (!plan.writesAnything()) {
      return new ImportResult(plan, ImportResult.Status.NOTHING_TO_DO, List.of(), List.of());
    }
    ImportApplier.Applied applied =
        new ImportApplier(target).apply(plan, source, planned.target(), planned.admin());
    List<String> problems = new ArrayList<>(applied.problems());
    if (plan.strategy() == ImportPlan.Strategy.APICURIO_ADMIN_IMPORT
        || plan.strategy() == ImportPlan.Strategy.APICURIO_ADMIN_IMPORT_MISSING) {
      problems.addAll(verify(plan, source, apicurioVersions()));
    }
    return new ImportResult(
        plan,
        problems.isEmpty() ? ImportResult.Status.APPLIED : ImportResult.Status.INCOMPLETE,
        applied.idChanges(),
        problems);
  }

  /**
   * Every planned registration, looked up on the target after the import: Apicurio's admin import
   * skips entities it cannot take with a warning in its own log only, so this is where such losses
   * show.
   */
  static List<String> verify(ImportPlan plan, RegistrySnapshot source, RegistrySnapshot after) {
    List<String> problems = new ArrayList<>();
    for (ImportStep step : plan.steps(ImportStep.Action.REGISTER)) {
      SchemaVersion expected =
          RegistryExporter.find(source, step.subject(), step.version()).orElseThrow();
      Optional<SchemaVersion> found = RegistryExporter.find(after, step.subject(), step.version());
      if (found.isEmpty()) {
        problems.add(step.resource() + ": missing on the target after the import");
      } else if (found.get().id() != expected.id()) {
        problems.add(
            step.resource()
                + ": on the target under id "
                + found.get().id()
                + " instead of "
                + expected.id());
      } else if (found.get().deleted() != expected.deleted()) {
        problems.add(
            step.resource()
                + ": "
                + (expected.deleted() ? "live" : "soft-deleted")
                + " on the target after the import");
      }
    }
    return problems;
  }

  /**
   * The target's versions after an admin import, from one admin export (about a second for
   * thousands of versions, where the Confluent API needs several requests per subject), or from a
   * full export where that fails.
   */
  private RegistrySnapshot apicurioVersions() {
    try {
      return ApicurioArchive.readVersions(target.apicurioExport(), target.url());
    } catch (RegistryException | IllegalStateException e) {
      return exportTarget();
    }
  }

  /**
   * What an Apicurio target's admin export shows, to plan an import that adds to it; null on other
   * registries, and where the export cannot be read (the plan then refuses to keep ids on a
   * non-empty target).
   */
  private ApicurioTarget adminTarget() {
    if (target.flavor() != RegistryFlavor.APICURIO) {
      return null;
    }
    try {
      return ApicurioTarget.read(target.apicurioExport());
    } catch (RegistryException | IllegalStateException e) {
      return null;
    }
  }

  private RegistrySnapshot exportTarget() {
    return new RegistryExporter(target).export(ExportOptions.ALL);
  }
}
