package io.kraftport.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A point-in-time picture of one side of a migration: its cluster, its topics and (optionally) its
 * schema registry. Written and read only by {@link SnapshotCodec}. Topics are kept sorted by name
 * so that two exports of the same cluster serialize to the same bytes.
 */
@JsonPropertyOrder({"formatVersion", "toolVersion", "exportedAt", "cluster", "topics", "registry"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Snapshot(
    int formatVersion,
    String toolVersion,
    String exportedAt,
    ClusterInfo cluster,
    List<TopicSpec> topics,
    RegistrySnapshot registry) {

  /** The snapshot format this build writes and the only one it reads. */
  public static final int FORMAT_VERSION = 1;

  public Snapshot {
    Objects.requireNonNull(cluster, "cluster");
    topics =
        topics == null
            ? List.of()
            : topics.stream().sorted(Comparator.comparing(TopicSpec::name)).toList();
  }

  public Optional<TopicSpec> findTopic(String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Snapshot withTopics(List<TopicSpec> newTopics) {
    return new Snapshot(formatVersion, toolVersion, exportedAt, cluster, newTopics, registry);
  }

  public Snapshot withRegistry(RegistrySnapshot newRegistry) {
    return new Snapshot(formatVersion, toolVersion, exportedAt, cluster, topics, newRegistry);
  }
}
