package io.kraftport.cli;

import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.RegistryDiffer;
import io.kraftport.diff.TopicDiffer;
import io.kraftport.kafka.TopicFilter;
import io.kraftport.plan.LeftOut;
import io.kraftport.report.Report;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.translate.ConfigTranslations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parity comparison {@code diff} and {@code gate} share: reads both sides (live or from snapshots), compares
 * topics and registries, runs the serialization round-trips and the record probe ({@link RoundTrips}), applies the
 * allow-list, and returns both snapshots with the report.
 */
final class Parity {
  private Parity() {}

  /** Both sides as read, and the report comparing them. */
  record Result(Snapshot source, Snapshot target, Report report) {}

  static Result compute(MigrationConfig config, Path sourceFile, Path targetFile, TopicFilter filter,
      RegistryOptions registry, ParityOptions parity, Duration timeout, Console console) {
    RoundTrips.Live live = new RoundTrips.Live(sourceFile == null, targetFile == null);
    RoundTrips.validate(parity, live, registry);
    Sides.Side source = sourceFile != null
        ? Sides.file(sourceFile, filter, registry)
        : Sides.live(config.source(), filter, registry, timeout, console);
    Sides.Side target = targetFile != null
        ? Sides.file(targetFile, filter, registry)
        : Sides.live(config.target(), filter, registry, timeout, console);
    Snapshot s = source.snapshot();
    Snapshot t = target.snapshot();
    List<Difference> differences = new ArrayList<>(new TopicDiffer(ConfigTranslations.standard())
        .diff(s.topics(), t.topics(), new TopicDiffer.Options(parity.replicationFactor)));
    Map<String, Integer> counts = new TreeMap<>();
    counts.put("topics (source)", s.topics().size());
    counts.put("topics (target)", t.topics().size());
    leftOut(counts, "source", source.leftOut());
    leftOut(counts, "target", target.leftOut());
    if (s.registry() != null) {
      counts.put("subjects (source)", s.registry().subjects().size());
      counts.put("schema versions (source)", versions(s.registry()));
      if (t.registry() == null) {
        differences.add(Difference.drift(Kind.SUBJECT_COUNT, RegistryDiffer.REGISTRY, "registry",
            "present", "not configured"));
      } else {
        counts.put("subjects (target)", t.registry().subjects().size());
        counts.put("schema versions (target)", versions(t.registry()));
        console.progress("Comparing " + s.registry().subjects().size() + " subjects ...");
        differences.addAll(RegistryDiffer.diff(s.registry(), t.registry(), new DefaultSchemaCanon()));
      }
    }
    RoundTrips.run(config, live, s, t, registry, parity, timeout, console, counts, differences);
    differences = parity.allowList().apply(differences);
    return new Result(s, t, Report.of(source.label(), target.label(), counts, differences));
  }

  /** The topics of a side the filters left out, so a narrow filter never passes for parity unnoticed. */
  private static void leftOut(Map<String, Integer> counts, String side, LeftOut leftOut) {
    counts.put("topics left out by --include/--exclude (" + side + ")", leftOut.filtered());
    counts.put("topics left out as internal (" + side + ")", leftOut.internal());
  }

  private static int versions(RegistrySnapshot r) {
    return r.subjects().stream().mapToInt(sub -> sub.versions().size()).sum();
  }
}
