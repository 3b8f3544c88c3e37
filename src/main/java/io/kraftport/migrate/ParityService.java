package io.kraftport.migrate;

import io.kraftport.Progress;
import io.kraftport.diff.AllowList;
import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.RegistryDiffer;
import io.kraftport.diff.TopicDiffer;
import io.kraftport.plan.LeftOut;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.Snapshot;
import io.kraftport.translate.ConfigTranslations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parity comparison {@code diff} and {@code gate} share: reads both sides (live or from
 * snapshots), compares topics and registries, runs the serialization round-trips and the record
 * probe ({@link RoundTrips}), applies the allow-list, and decides the verdict: {@link
 * Verdict#PARITY} unless some difference is drift.
 */
public final class ParityService {
  private ParityService() {}

  public static ParityResult compute(ParityRequest request, Progress progress) {
    RoundTrips.validate(request);
    Sides.Side source =
        request.sourceLive()
            ? Sides.live(
                request.config().source(),
                request.filter(),
                request.registry(),
                request.timeout(),
                progress)
            : Sides.file(request.sourceSnapshot(), request.filter(), request.registry());
    Sides.Side target =
        request.targetLive()
            ? Sides.live(
                request.config().target(),
                request.filter(),
                request.registry(),
                request.timeout(),
                progress)
            : Sides.file(request.targetSnapshot(), request.filter(), request.registry());
    Snapshot s = source.snapshot();
    Snapshot t = target.snapshot();
    List<Difference> differences =
        new ArrayList<>(
            new TopicDiffer(ConfigTranslations.standard())
                .diff(
                    s.topics(),
                    t.topics(),
                    new TopicDiffer.Options(request.checks().replicationFactor())));
    Map<String, Integer> counts = new TreeMap<>();
    counts.put("topics (source)", s.topics().size());
    counts.put("topics (target)", t.topics().size());
    leftOut(counts, "source", source.leftOut());
    leftOut(counts, "target", target.leftOut());
    if (s.registry() != null) {
      counts.put("subjects (source)", s.registry().subjects().size());
      counts.put("schema versions (source)", versions(s.registry()));
      if (t.registry() == null) {
        differences.add(
            Difference.drift(
                Kind.SUBJECT_COUNT,
                RegistryDiffer.REGISTRY,
                "registry",
                "present",
                "not configured"));
      } else {
        counts.put("subjects (target)", t.registry().subjects().size());
        counts.put("schema versions (target)", versions(t.registry()));
        progress.step("Comparing " + s.registry().subjects().size() + " subjects ...");
        differences.addAll(
            RegistryDiffer.diff(s.registry(), t.registry(), new DefaultSchemaCanon()));
      }
    }
    RoundTrips.Reports checked = RoundTrips.run(request, s, t, progress);
    checked.addTo(counts, differences);
    AllowList allowList =
        request.checks().allowDifferences() == null
            ? AllowList.NONE
            : AllowList.read(request.checks().allowDifferences());
    differences = allowList.apply(differences);
    return new ParityResult(
        source.label(),
        target.label(),
        s,
        t,
        counts,
        differences,
        checked.roundTrips(),
        checked.probe(),
        Verdict.ofDifferences(differences));
  }

  /**
   * The topics of a side the filters left out, so a narrow filter never passes for parity
   * unnoticed.
   */
  private static void leftOut(Map<String, Integer> counts, String side, LeftOut leftOut) {
    counts.put("topics left out by --include/--exclude (" + side + ")", leftOut.filtered());
    counts.put("topics left out as internal (" + side + ")", leftOut.internal());
  }

  private static int versions(RegistrySnapshot r) {
    return r.subjects().stream().mapToInt(sub -> sub.versions().size()).sum();
  }
}
