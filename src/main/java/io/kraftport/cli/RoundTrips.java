package io.kraftport.cli;

import io.kraftport.InvalidInputException;
import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.diff.Difference;
import io.kraftport.registry.RegistryClient;
import io.kraftport.roundtrip.IdContexts;
import io.kraftport.roundtrip.KafkaRecordSource;
import io.kraftport.roundtrip.LiveRegistryView;
import io.kraftport.roundtrip.ProbeReport;
import io.kraftport.roundtrip.RecordProbe;
import io.kraftport.roundtrip.RegistryView;
import io.kraftport.roundtrip.RoundTrip;
import io.kraftport.roundtrip.RoundTripChecker;
import io.kraftport.roundtrip.RoundTripReport;
import io.kraftport.roundtrip.SnapshotRegistryView;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.snapshot.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The serialization checks of {@code diff} and {@code gate}, after both sides are read: the round-trip of each
 * selected schema version (unless {@code --no-round-trip}) and, with {@code --sample-records N}, the probe of the
 * source topics' last records. A live registry is asked through its client; a snapshot side answers from the file.
 */
final class RoundTrips {
  private RoundTrips() {}

  /** Which sides were read live: only those have clusters and registries to ask. */
  record Live(boolean source, boolean target) {}

  /** Rejects a probe that cannot run, before anything is read. */
  static void validate(ParityOptions parity, Live live, RegistryOptions registry) {
    if (parity.sampleRecords < 0) {
      throw new InvalidInputException("--sample-records must be 0 (off) or more, not " + parity.sampleRecords);
    }
    if (parity.sampleRecords > 0 && !live.source()) {
      throw new InvalidInputException("--sample-records reads records from the live source cluster: it cannot run"
          + " with --source-snapshot");
    }
    if (parity.sampleRecords > 0 && !registry.enabled()) {
      throw new InvalidInputException("--sample-records checks schema ids against both registries: it cannot run"
          + " with --no-registry");
    }
  }

  /** Runs the checks the options ask for, adding their counts and differences. */
  static void run(MigrationConfig config, Live live, Snapshot s, Snapshot t, RegistryOptions registry,
      ParityOptions parity, Duration timeout, Console console, Map<String, Integer> counts,
      List<Difference> differences) {
    boolean roundTrip = !parity.noRoundTrip && s.registry() != null && t.registry() != null;
    boolean probe = parity.sampleRecords > 0;
    if (!roundTrip && !probe) {
      return;
    }
    if (probe && (s.registry() == null || t.registry() == null)) {
      throw new InvalidInputException("--sample-records checks schema ids against both registries: give the "
          + (s.registry() == null ? "source" : "target") + " registry's URL");
    }
    RegistryClient sourceClient = null;
    RegistryClient targetClient = null;
    try {
      sourceClient = live.source() ? registry.connect(config.source(), timeout).orElse(null) : null;
      targetClient = live.target() ? registry.connect(config.target(), timeout).orElse(null) : null;
      Optional<RegistryView> liveSource = Optional.ofNullable(sourceClient).map(LiveRegistryView::new);
      RegistryView target = targetClient != null
          ? new LiveRegistryView(targetClient)
          : new SnapshotRegistryView(t.registry());
      RoundTrip codec = new RoundTrip();
      if (roundTrip) {
        console.progress("Round-tripping " + s.registry().subjects().size() + " subjects"
            + (parity.allVersions ? " (all versions)" : "") + " ...");
        RoundTripReport report = new RoundTripChecker(codec, target, liveSource, registry.concurrency)
            .check(s.registry(), parity.allVersions);
        counts.putAll(report.counts());
        differences.addAll(report.differences());
      }
      if (probe) {
        List<String> topics = s.topics().stream().map(TopicSpec::name).toList();
        console.progress("Probing the last " + parity.sampleRecords + " records of each partition of "
            + topics.size() + " topics ...");
        RegistryView source = liveSource.orElseGet(() -> new SnapshotRegistryView(s.registry()));
        try (KafkaRecordSource records = KafkaRecordSource.connect(config.source(), timeout)) {
          ProbeReport report = new RecordProbe(codec, new DefaultSchemaCanon(), source, target,
              IdContexts.of(s.registry())).probe(records, topics, parity.sampleRecords);
          counts.putAll(report.counts());
          differences.addAll(report.differences());
        }
      }
    } finally {
      if (sourceClient != null) {
        sourceClient.close();
      }
      if (targetClient != null) {
        targetClient.close();
      }
    }
  }
}
