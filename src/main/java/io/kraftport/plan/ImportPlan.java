package io.kraftport.plan;

import java.util.List;
import java.util.Objects;

/**
 * What an import will do to a target registry, decided before the first write: how ids are kept
 * ({@link Strategy}), one {@link ImportStep} per source subject version in the order they would be
 * registered (references before the schemas that use them, each subject's versions ascending), the
 * compatibility and mode changes, the reasons the import cannot proceed at all ({@code blockers}),
 * and notes on what will not carry over. Any blocker or {@code CONFLICT} step means nothing is
 * written.
 */
public record ImportPlan(
    String target,
    String targetFlavor,
    Strategy strategy,
    List<ImportStep> steps,
    List<SettingChange> settings,
    List<String> blockers,
    List<String> notes) {

  public ImportPlan {
    Objects.requireNonNull(strategy, "strategy");
    steps = List.copyOf(steps);
    settings = List.copyOf(settings);
    blockers = List.copyOf(blockers);
    notes = List.copyOf(notes);
  }

  /** How the import writes. */
  public enum Strategy {
    /** Nothing to write: the target already matches. */
    NONE,
    /** Only compatibility or mode changes, or soft deletes, through the Confluent API. */
    SETTINGS_ONLY,
    /** Confluent API, global IMPORT mode (the target is empty): explicit ids and versions. */
    IMPORT_MODE_GLOBAL,
    /** Confluent API, IMPORT mode on each imported subject: explicit ids and versions. */
    IMPORT_MODE_SUBJECTS,
    /** Apicurio's admin import of a ZIP export into an empty registry: ids kept. */
    APICURIO_ADMIN_IMPORT,
    /**
     * Apicurio's admin import, adding to a non-empty registry ({@code requireEmptyRegistry=false}):
     * only the subjects it misses, after a check that none of their ids is taken; ids kept. This is
     * how an interrupted import ends.
     */
    APICURIO_ADMIN_IMPORT_MISSING,
    /**
     * Plain registration: the target chooses ids (and versions); allowed only with {@code
     * allowIdChange}.
     */
    REGISTER_WITH_NEW_IDS
  }

  public boolean hasConflicts() {
    return !blockers.isEmpty()
        || steps.stream().anyMatch(s -> s.action() == ImportStep.Action.CONFLICT);
  }

  public List<ImportStep> steps(ImportStep.Action action) {
    return steps.stream().filter(s -> s.action() == action).toList();
  }

  /** Whether applying the plan writes anything. */
  public boolean writesAnything() {
    return strategy != Strategy.NONE;
  }
}
