package io.kraftport.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One topic as exported: its partition count, replication factor, the partitions whose replica
 * count differs from that factor, and every topic config with its effective value and where the
 * value comes from.
 *
 * <p>Both maps are sorted by key and unmodifiable. {@code configs} holds every config the cluster
 * describes for the topic, not only overrides: a topic that inherits a cluster default on the
 * source would silently get another value on a target whose defaults differ, and only the effective
 * value tells.
 */
@JsonPropertyOrder({"name", "partitions", "replicationFactor", "irregularReplicaCounts", "configs"})
public record TopicSpec(
    String name,
    int partitions,
    int replicationFactor,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Integer, Integer> irregularReplicaCounts,
    Map<String, ConfigValue> configs) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name is blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "topic " + name + ": partitions must be at least 1, was " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "topic " + name + ": replicationFactor must be at least 1, was " + replicationFactor);
    }
    irregularReplicaCounts =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(irregularReplicaCounts == null ? Map.of() : irregularReplicaCounts));
    configs =
        Collections.unmodifiableSortedMap(new TreeMap<>(configs == null ? Map.of() : configs));
  }

  /** The configs set on the topic itself (source {@code DYNAMIC_TOPIC_CONFIG}), name to value. */
  @JsonIgnore
  public SortedMap<String, String> overrides() {
    SortedMap<String, String> out = new TreeMap<>();
    configs.forEach(
        (k, v) -> {
          if (v.isTopicOverride()) {
            out.put(k, v.value());
          }
        });
    return out;
  }

  /** Every config's effective value, name to value (null values left out). */
  @JsonIgnore
  public SortedMap<String, String> effectiveValues() {
    SortedMap<String, String> out = new TreeMap<>();
    configs.forEach(
        (k, v) -> {
          if (v.value() != null) {
            out.put(k, v.value());
          }
        });
    return out;
  }
}
