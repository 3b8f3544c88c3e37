package io.kraftport.migrate;

import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportResult;
import io.kraftport.plan.TopicPlan;
import java.util.Objects;

/**
 * The outcome of an import: why it stopped before writing ({@link Stop#NONE} when it wrote), the
 * topic plan (as validated by the target, or with the outcome of each step once applied), the
 * registry plan and result (null where the snapshot has no registry or the target none configured;
 * the result also null when the import stopped), how long validating and writing took, and whether
 * it succeeded (exit 0) or left problems (exit 1).
 */
public record ImportOutcome(
    Stop stop,
    TopicPlan topics,
    ImportPlan registryPlan,
    ImportResult registryResult,
    long millis,
    boolean succeeded) {

  public ImportOutcome {
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(topics, "topics");
  }

  /** Why an import wrote nothing, checked in this order. */
  public enum Stop {
    /** It did not stop: topics and schemas were written. */
    NONE,
    /** A dry run was asked for. */
    DRY_RUN,
    /** The target refuses some topics, and a partial import was not allowed. */
    REFUSED,
    /** The registry plan has conflicts. */
    CONFLICTS
  }
}
