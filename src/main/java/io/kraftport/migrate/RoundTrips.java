package io.kraftport.migrate;

import io.kraftport.InvalidInputException;
import io.kraftport.Progress;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The serialization checks of {@code diff} and {@code gate}, after both sides are read: the
 * round-trip of each selected schema version (unless turned off) and, with a record sample size,
 * the probe of the source topics' last records. A live registry is asked through its client; a
 * snapshot side answers from the file.
 */
final class RoundTrips {
  private RoundTrips() {}

  /** The reports of the checks that ran; null for one that did not. */
  record Reports(RoundTripReport roundTrips, ProbeReport probe) {
    static final Reports NONE = new Reports(null, null);

    void addTo(Map<String, Integer> counts, List<Difference> differences) {
      if (roundTrips != null) {
        counts.putAll(roundTrips.counts());
        differences.addAll(roundTrips.differences());
      }
      if (probe != null) {
        counts.putAll(probe.counts());
        differences.addAll(probe.differences());
      }
    }
  }

  /** Rejects a probe that cannot run, before anything is read. */
  static void validate(ParityRequest request) {
    int sampleRecords = request.checks().sampleRecords();
    if (sampleRecords < 0) {
      throw new InvalidInputException(
          "--sample-records must be 0 (off) or more, not " + sampleRecords);
    }
    if (sampleRecords > 0 && !request.sourceLive()) {
      throw new InvalidInputException(
          "--sample-records reads records from the live source cluster: it cannot run"
              + " with --source-snapshot");
    }
    if (sampleRecords > 0 && !request.registry().enabled()) {
      throw new InvalidInputException(
          "--sample-records checks schema ids against both registries: it cannot run"
              + " with --no-registry");
    }
  }

  /** Runs the checks the request asks for. */
  static Reports run(ParityRequest request, Snapshot s, Snapshot t, Progress progress) {
    ParityRequest.Checks checks = request.checks();
    boolean roundTrip = checks.roundTrip() && s.registry() != null && t.registry() != null;
    boolean probe = checks.sampleRecords() > 0;
    if (!roundTrip && !probe) {
      return Reports.NONE;
    }
    if (probe && (s.registry() == null || t.registry() == null)) {
      throw new InvalidInputException(
          "--sample-records checks schema ids against both registries: give the "
              + (s.registry() == null ? "source" : "target")
              + " registry's URL");
    }
    try (RegistryClient sourceClient = client(request, true);
        RegistryClient targetClient = client(request, false)) {
      Optional<RegistryView> liveSource =
          Optional.ofNullable(sourceClient).map(LiveRegistryView::new);
      RegistryView target =
          targetClient != null
              ? new LiveRegistryView(targetClient)
              : new SnapshotRegistryView(t.registry());
      RoundTrip codec = new RoundTrip();
      RoundTripReport roundTrips = null;
      ProbeReport probed = null;
      if (roundTrip) {
        progress.step(
            "Round-tripping "
                + s.registry().subjects().size()
                + " subjects"
                + (checks.allVersions() ? " (all versions)" : "")
                + " ...");
        roundTrips =
            new RoundTripChecker(codec, target, liveSource, request.registry().concurrency())
                .check(s.registry(), checks.allVersions());
      }
      if (probe) {
        List<String> topics = s.topics().stream().map(TopicSpec::name).toList();
        progress.step(
            "Probing the last "
                + checks.sampleRecords()
                + " records of each partition of "
                + topics.size()
                + " topics ...");
        RegistryView source = liveSource.orElseGet(() -> new SnapshotRegistryView(s.registry()));
        try (KafkaRecordSource records =
            KafkaRecordSource.connect(request.config().source(), request.timeout())) {
          probed =
              new RecordProbe(
                      codec, new DefaultSchemaCanon(), source, target, IdContexts.of(s.registry()))
                  .probe(records, topics, checks.sampleRecords());
        }
      }
      return new Reports(roundTrips, probed);
    }
  }

  /** A live side's registry client, or null where the side is a snapshot or has no registry. */
  private static RegistryClient client(ParityRequest request, boolean source) {
    boolean live = source ? request.sourceLive() : request.targetLive();
    if (!live) {
      return null;
    }
    return request
        .registry()
        .connect(source ? request.config().source() : request.config().target(), request.timeout())
        .orElse(null);
  }
}
