package io.kraftport.migrate;

import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.kafka.TopicFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a parity comparison ({@code diff}, the gate's first check) reads and checks: the two sides'
 * configuration (null when both sides are snapshot files), a snapshot file per side read from a
 * file instead of live (null for live), the topic filter, the registry access, the checks, and the
 * timeout of every call.
 */
public record ParityRequest(
    MigrationConfig config,
    Path sourceSnapshot,
    Path targetSnapshot,
    TopicFilter filter,
    RegistryAccess registry,
    Checks checks,
    Duration timeout) {

  public ParityRequest {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * How parity is judged: the replication-factor cap the import ran with (null for none), the
   * allow-list file of accepted differences (null for none; read after both sides, where today's
   * errors expect it), whether to round-trip the schemas, all versions or only each subject's
   * latest, and how many records per partition to probe (0: off).
   */
  public record Checks(
      Integer replicationFactor,
      Path allowDifferences,
      boolean roundTrip,
      boolean allVersions,
      int sampleRecords) {}

  /** Which sides are read live: only those have clusters and registries to ask. */
  boolean sourceLive() {
    return sourceSnapshot == null;
  }

  boolean targetLive() {
    return targetSnapshot == null;
  }
}
