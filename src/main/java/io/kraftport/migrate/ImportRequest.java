package io.kraftport.migrate;

import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.kafka.TopicFilter;
import io.kraftport.kafka.TopicImporter;
import io.kraftport.snapshot.Snapshot;
import java.time.Duration;
import java.util.Objects;

/**
 * What an import does: the snapshot to import, the sides' configuration (the target is written),
 * which topics and subjects, how topics are planned, whether schema ids may change, whether it is a
 * dry run, whether it goes on when the target refuses some topics, whether the plan's target
 * hazards are also sent as warnings (when the plan that names them is not shown), and the timeout
 * of every call.
 */
public record ImportRequest(
    Snapshot snapshot,
    MigrationConfig config,
    TopicFilter filter,
    RegistryAccess registry,
    TopicImporter.Options topicOptions,
    boolean allowIdChange,
    boolean dryRun,
    boolean allowPartial,
    boolean warnHazards,
    Duration timeout) {

  public ImportRequest {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(topicOptions, "topicOptions");
    Objects.requireNonNull(timeout, "timeout");
  }
}
