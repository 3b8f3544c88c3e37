package io.kraftport.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kraftport.translate.ConfigTranslations;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One topic's step in an import plan: what import does with it and why. For {@link Action#CREATE}
 * the partitions, replication factor and configs to create it with ({@code configs} includes {@code
 * pins}); for {@link Action#CONFLICT} and {@link Action#ALTER} the differences field by field.
 * {@code note} says what kind of remark the reason is where a renderer treats it apart (it is not
 * part of the JSON report). Build one with {@link #builder}.
 */
@JsonPropertyOrder({
  "topic",
  "action",
  "partitions",
  "replicationFactor",
  "configs",
  "pins",
  "translations",
  "changes",
  "reason"
})
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
    String reason,
    @JsonIgnore Note note) {

  public TopicStep {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(action, "action");
    configs = configs == null ? new TreeMap<>() : new TreeMap<>(configs);
    pins = pins == null ? new TreeMap<>() : new TreeMap<>(pins);
    translations = translations == null ? List.of() : List.copyOf(translations);
    changes = changes == null ? List.of() : List.copyOf(changes);
    if (note != null && reason == null) {
      throw new IllegalArgumentException("a note needs a reason to show");
    }
  }

  /** A step for {@code topic} with nothing but its action set yet. */
  public static Builder builder(String topic, Action action) {
    return new Builder(topic, action);
  }

  /**
   * The same step with another action and reason (and no note: the new reason is not the old one's
   * kind).
   */
  public TopicStep withAction(Action newAction, String newReason) {
    return new TopicStep(
        topic,
        newAction,
        partitions,
        replicationFactor,
        configs,
        pins,
        translations,
        changes,
        newReason,
        null);
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
    /**
     * Left out by the filters: {@code --include}/{@code --exclude}, or an internal topic (the
     * reason says which).
     */
    SKIPPED,
    /** The target would refuse it (or did): the reason says why and how to fix it. */
    REFUSED
  }

  /**
   * A remark the reason of a step that is not a problem carries, which the text plan shows as a
   * note.
   */
  public enum Note {
    /** The replication factor was lowered to the {@code --replication-factor} cap. */
    REPLICATION_FACTOR_CAPPED
  }

  /** The part of a topic's definition a {@link FieldChange} is about. */
  public enum Field {
    PARTITIONS,
    REPLICATION_FACTOR,
    /** One topic config; the change names which. */
    CONFIG
  }

  /**
   * One field that differs: which (and, for a config, its name), the source's value and the
   * target's. In JSON a change is {@code field}, {@code source}, {@code target}, the field written
   * as {@link #field()}.
   */
  @JsonPropertyOrder({"field", "source", "target"})
  public record FieldChange(
      @JsonIgnore Field kind, @JsonIgnore String config, String source, String target) {
    public FieldChange {
      Objects.requireNonNull(kind, "kind");
      if ((kind == Field.CONFIG) != (config != null)) {
        throw new IllegalArgumentException(
            "a config name goes with a CONFIG change, and only there");
      }
    }

    public static FieldChange partitions(int source, int target) {
      return new FieldChange(
          Field.PARTITIONS, null, Integer.toString(source), Integer.toString(target));
    }

    public static FieldChange replicationFactor(int source, int target) {
      return new FieldChange(
          Field.REPLICATION_FACTOR, null, Integer.toString(source), Integer.toString(target));
    }

    public static FieldChange config(String name, String source, String target) {
      return new FieldChange(Field.CONFIG, name, source, target);
    }

    /**
     * The field as the reports name it: {@code partitions}, {@code replicationFactor}, {@code
     * config <name>}.
     */
    @JsonProperty("field")
    public String field() {
      return switch (kind) {
        case PARTITIONS -> "partitions";
        case REPLICATION_FACTOR -> "replicationFactor";
        case CONFIG -> "config " + config;
      };
    }

    @Override
    public String toString() {
      return field() + ": " + source + " -> " + target;
    }
  }

  /** Whether this step leaves the run failed (exit 1). */
  public boolean isProblem() {
    return action == Action.CONFLICT || action == Action.REFUSED;
  }

  /** Whether this step changes the topic's partition count. */
  public boolean changesPartitions() {
    return changes.stream().anyMatch(c -> c.kind() == Field.PARTITIONS);
  }

  /** Builds a {@link TopicStep}, each part named; parts not set are empty (and the note absent). */
  public static final class Builder {
    private final String topic;
    private final Action action;
    private int partitions;
    private int replicationFactor;
    private Map<String, String> configs;
    private Map<String, String> pins;
    private List<ConfigTranslations.Applied> translations;
    private List<FieldChange> changes;
    private String reason;
    private Note note;

    private Builder(String topic, Action action) {
      this.topic = topic;
      this.action = action;
    }

    public Builder partitions(int value) {
      this.partitions = value;
      return this;
    }

    public Builder replicationFactor(int value) {
      this.replicationFactor = value;
      return this;
    }

    public Builder configs(Map<String, String> value) {
      this.configs = value;
      return this;
    }

    public Builder pins(Map<String, String> value) {
      this.pins = value;
      return this;
    }

    public Builder translations(List<ConfigTranslations.Applied> value) {
      this.translations = value;
      return this;
    }

    public Builder changes(List<FieldChange> value) {
      this.changes = value;
      return this;
    }

    public Builder reason(String value) {
      this.reason = value;
      return this;
    }

    /** A reason of the given kind. */
    public Builder note(Note kind, String value) {
      this.note = kind;
      this.reason = value;
      return this;
    }

    public TopicStep build() {
      return new TopicStep(
          topic,
          action,
          partitions,
          replicationFactor,
          configs == null ? null : new TreeMap<>(configs),
          pins == null ? null : new TreeMap<>(pins),
          translations,
          changes,
          reason,
          note);
    }
  }
}
