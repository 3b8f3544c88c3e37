package io.kraftport.plan;

import io.kraftport.snapshot.RegistrySnapshot;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of an import: its plan, what happened, the ids that changed (only with {@code
 * allowIdChange}), and the problems found when checking the target afterwards (versions missing or
 * under another id).
 */
public record ImportResult(
    ImportPlan plan,
    Status status,
    List<RegistrySnapshot.IdChange> idChanges,
    List<String> problems) {

  public ImportResult {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    idChanges = idChanges == null ? List.of() : List.copyOf(idChanges);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** What an import did. */
  public enum Status {
    /** Planned only, as asked. */
    DRY_RUN,
    /** The plan has conflicts or blockers: nothing was written. */
    CONFLICTS,
    /** The target already matched: nothing was written. */
    NOTHING_TO_DO,
    /** Written and checked. */
    APPLIED,
    /** Written, but the target does not hold everything afterwards: see the problems. */
    INCOMPLETE
  }

  public boolean succeeded() {
    return status == Status.APPLIED || status == Status.NOTHING_TO_DO || status == Status.DRY_RUN;
  }
}
