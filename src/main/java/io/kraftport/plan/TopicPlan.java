package io.kraftport.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kraftport.plan.TopicStep.Action;
import io.kraftport.snapshot.ClusterInfo;
import java.util.List;
import java.util.Map;

/**
 * A plan: the target's facts, one step per topic of the snapshot (sorted by topic), how many of the
 * snapshot's topics the filter left out and why, and the target's settings that can undo the
 * import.
 */
@JsonPropertyOrder({"target", "warnings", "leftOut", "steps"})
public record TopicPlan(
    ClusterInfo target, List<TargetWarning> warnings, LeftOut leftOut, List<TopicStep> steps) {
  public TopicPlan {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    leftOut = leftOut == null ? LeftOut.NONE : leftOut;
    steps = steps.stream().sorted((a, b) -> a.topic().compareTo(b.topic())).toList();
  }

  public long count(Action action) {
    return steps.stream().filter(s -> s.action() == action).count();
  }

  public boolean hasProblems() {
    return steps.stream().anyMatch(TopicStep::isProblem);
  }

  /** Whether the target refused (or would refuse) any step: then a whole import writes nothing. */
  public boolean hasRefusals() {
    return count(Action.REFUSED) > 0;
  }

  /** The same plan with the named topics marked REFUSED for the given reasons. */
  public TopicPlan withRefusals(Map<String, String> refusals) {
    if (refusals.isEmpty()) {
      return this;
    }
    return new TopicPlan(
        target,
        warnings,
        leftOut,
        steps.stream()
            .map(
                s ->
                    refusals.containsKey(s.topic())
                        ? s.withAction(
                            Action.REFUSED, "the target refused it: " + refusals.get(s.topic()))
                        : s)
            .toList());
  }
}
