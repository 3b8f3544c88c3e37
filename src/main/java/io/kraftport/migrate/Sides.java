package io.kraftport.migrate;

import io.kraftport.Progress;
import io.kraftport.config.SideConfig;
import io.kraftport.kafka.ClusterReader;
import io.kraftport.kafka.KafkaAdmins;
import io.kraftport.kafka.TopicFilter;
import io.kraftport.plan.LeftOut;
import io.kraftport.registry.ExportOptions;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistryExporter;
import io.kraftport.snapshot.ClusterInfo;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.SnapshotCodec;
import io.kraftport.snapshot.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Reads one side of a migration into a {@link Snapshot}: live from its cluster and registry, or
 * from a snapshot file, with the command's topic and subject filters applied either way, so every
 * comparison is between two snapshots.
 */
public final class Sides {
  private Sides() {}

  /** A side as read, with a label for reports and how many of its topics the filter left out. */
  public record Side(String label, Snapshot snapshot, LeftOut leftOut) {}

  /** Reads a side from its cluster and, where it has one and it is not left out, its registry. */
  public static Side live(
      SideConfig config,
      TopicFilter filter,
      RegistryAccess registry,
      Duration timeout,
      Progress progress) {
    ClusterInfo info;
    Snapshot snapshot;
    String label;
    LeftOut leftOut;
    try (KafkaAdmins.Connection c = KafkaAdmins.connect(config, timeout)) {
      progress.step("Reading topics from " + c.endpoint() + " ...");
      ClusterReader reader = new ClusterReader(c);
      info = reader.clusterInfo();
      List<String> all = reader.topicNames(TopicFilter.EVERY_TOPIC);
      leftOut = filter.leftOut(all);
      snapshot =
          new Snapshot(
              Snapshot.FORMAT_VERSION,
              ToolVersion.version(),
              Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
              info,
              reader.describe(all.stream().filter(filter::test).toList()),
              null);
      label = c.endpoint() + ", cluster " + info.clusterId();
    }
    Optional<RegistryClient> client = registry.connect(config, timeout);
    if (client.isPresent()) {
      try (RegistryClient r = client.get()) {
        progress.step("Reading the " + config.side() + " schema registry at " + r.url() + " ...");
        RegistrySnapshot exported =
            new RegistryExporter(r).export(registry.exportOptions(), progress);
        snapshot = snapshot.withRegistry(exported);
        label = label + ", registry " + r.url();
      }
    }
    return new Side(label, snapshot, leftOut);
  }

  /** The registry snapshot with only the subjects the options select. */
  public static RegistrySnapshot filterSubjects(RegistrySnapshot r, ExportOptions options) {
    return new RegistrySnapshot(
        r.url(),
        r.flavor(),
        r.globalCompatibility(),
        r.globalMode(),
        r.subjectOverridesKnown(),
        r.subjectCompatibilityKnown(),
        r.contexts(),
        r.subjects().stream().filter(sub -> options.accepts(sub.name())).toList(),
        r.idChanges());
  }

  /** Reads a side from a snapshot file, with the same filters as a live read. */
  public static Side file(Path file, TopicFilter filter, RegistryAccess registry) {
    Snapshot s = SnapshotCodec.read(file);
    Snapshot filtered =
        s.withTopics(s.topics().stream().filter(t -> filter.test(t.name())).toList());
    RegistrySnapshot r = s.registry();
    filtered =
        filtered.withRegistry(
            r != null && registry.enabled() ? filterSubjects(r, registry.exportOptions()) : null);
    return new Side(
        "snapshot " + file + " (cluster " + s.cluster().clusterId() + ")",
        filtered,
        filter.leftOut(s.topics().stream().map(TopicSpec::name).toList()));
  }
}
