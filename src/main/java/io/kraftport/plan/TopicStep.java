package io.kraftport.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kraftport.translate.ConfigTranslations;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One topic's step in an import plan: what import does with it and why. For {@link Action#CREATE} the partitions,
 * replication factor and configs to create it with ({@code configs} includes {@code pins}); for
 * {@link Action#CONFLICT} and {@link Action#ALTER} the differences field by field.
 */
@JsonPropertyOrder({"topic", "action", "partitions", "replicationFactor", "configs", "pins", "translations",
    "changes", "reason"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TopicStep(
    String topic,
    Action action,
    int partitions,
    int replicationFactor,
    SortedMap<String, String> configs,
    SortedMap<String, String> pins,
    List<ConfigTranslations.Applied> translations,
    List<FieldChange> changes,
    String reason) {

  public TopicStep {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(action, "action");
    configs = configs == null ? new TreeMap<>() : new TreeMap<>(configs);
    pins = pins == null ? new TreeMap<>() : new TreeMap<>(pins);
    translations = translations == null ? List.of() : List.copyOf(translations);
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  public TopicStep withAction(Action newAction, String newReason) {
    return new TopicStep(topic, newAction, partitions, replicationFactor, configs, pins, translations, changes,
        newReason);
  }

  /** What import does with a topic. */
  public enum Action {
    /** Missing on the target: created. */
    CREATE,
    /** Already on the target with the same definition: nothing to do. */
    EXISTS_SAME,
    /** On the target with another definition: left untouched (see {@code --alter-existing}). */
    CONFLICT,
    /** On the target with another definition that {@code --alter-existing} will change. */
    ALTER,
    /** Left out by the filters: {@code --include}/{@code --exclude}, or an internal topic (the reason says which). */
    SKIPPED,
    /** The target would refuse it (or did): the reason says why and how to fix it. */
    REFUSED
  }

  /** One field that differs: the source's value and the target's. */
  public record FieldChange(String field, String source, String target) {
    @Override
    public String toString() {
      return field + ": " + source + " -> " + target;
    }
  }

  /** Whether this step leaves the run failed (exit 1). */
  public boolean isProblem() {
    return action == Action.CONFLICT || action == Action.REFUSED;
  }
}
