package io.kraftport.roundtrip;

import io.kraftport.InvalidInputException;
import io.kraftport.Parallel;
import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import io.kraftport.registry.Contexts;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The round-trip check of a migrated registry, version by version of the source snapshot (each
 * subject's latest live version, or every version): a sample written with the source schema and
 * framed with its id must read back equal with the schema the target returns for that id ({@link
 * RoundTrip#check}); where the target is live, a producer's lookup of the schema must return the
 * same id, and the latest version must pass the target's compatibility check. Every failure is a
 * {@link Difference} naming {@code subject/version}, the id and the first differing field. A
 * compatibility answer the live source gives too (a registry's own limits, such as Apicurio
 * refusing to check schemas with references) is {@link Status#ACCEPTED}, not drift. Versions are
 * checked with bounded parallelism; returns data, prints nothing.
 */
public final class RoundTripChecker {
  private static final int MAX_NOTE = 200;

  private final RoundTrip roundTrip;
  private final RegistryView target;
  private final Optional<RegistryView> liveSource;
  private final int parallelism;

  /**
   * @param target the target registry, live or a snapshot
   * @param liveSource the source registry where it is live, asked only to tell a target's failing
   *     compatibility answer from one the source gives too
   * @param parallelism versions checked at once (each check makes at most a few registry requests)
   */
  public RoundTripChecker(
      RoundTrip roundTrip,
      RegistryView target,
      Optional<RegistryView> liveSource,
      int parallelism) {
    this.roundTrip = Objects.requireNonNull(roundTrip, "roundTrip");
    this.target = Objects.requireNonNull(target, "target");
    this.liveSource = Objects.requireNonNull(liveSource, "liveSource");
    this.parallelism = Math.max(1, parallelism);
  }

  /** A version to check, and whether it is its subject's latest live version. */
  private record Item(String subject, SchemaVersion version, boolean latest) {
    String resource() {
      return subject + "/" + version.version();
    }
  }

  /** What checking one version did. */
  private record Outcome(
      boolean roundTripped,
      boolean lookedUp,
      boolean compatibilityChecked,
      List<Difference> differences) {}

  /**
   * Checks the selected versions of {@code source}: latest live ones, or all (soft-deleted ones
   * included).
   */
  public RoundTripReport check(RegistrySnapshot source, boolean allVersions) {
    SnapshotRegistryView sourceSchemas = new SnapshotRegistryView(source);
    List<Item> items = new ArrayList<>();
    for (SubjectSnapshot subject : source.subjects()) {
      SchemaVersion latest =
          subject.versions().stream().filter(v -> !v.deleted()).reduce((a, b) -> b).orElse(null);
      for (SchemaVersion v : subject.versions()) {
        if (allVersions || v == latest) {
          items.add(new Item(subject.name(), v, v == latest));
        }
      }
    }
    List<Outcome> outcomes = inParallel(items, item -> check(item, sourceSchemas));
    int roundTrips = 0;
    int lookups = 0;
    int compatibility = 0;
    List<Difference> differences = new ArrayList<>();
    for (Outcome o : outcomes) {
      roundTrips += o.roundTripped() ? 1 : 0;
      lookups += o.lookedUp() ? 1 : 0;
      compatibility += o.compatibilityChecked() ? 1 : 0;
      differences.addAll(o.differences());
    }
    differences.sort(Difference.ORDER);
    return new RoundTripReport(
        roundTrips,
        items.size() - roundTrips,
        target.answersProducers(),
        lookups,
        compatibility,
        differences);
  }

  private Outcome check(Item item, SnapshotRegistryView sourceSchemas) {
    List<Difference> out = new ArrayList<>();
    boolean roundTripped = roundTrip(item, sourceSchemas, out);
    // A producer looks up only live versions, and registers (so is checked against) only the
    // latest.
    boolean lookup = !item.version().deleted();
    boolean compatibility = item.latest();
    if (target.answersProducers()) {
      if (lookup) {
        lookup(item, out);
      }
      if (compatibility) {
        compatibility(item, out);
      }
    }
    return new Outcome(roundTripped, lookup, compatibility, out);
  }

  /**
   * Adds the round-trip's difference, if any; false where it could not run for want of a usable
   * source schema.
   */
  private boolean roundTrip(Item item, SnapshotRegistryView sourceSchemas, List<Difference> out) {
    int id = item.version().id();
    ResolvedSchema source;
    try {
      source = sourceSchemas.resolve(item.version());
    } catch (InvalidInputException e) {
      out.add(notRun(item, e.getMessage()));
      return false;
    }
    Optional<ResolvedSchema> found;
    try {
      found = target.findSchema(Contexts.of(item.subject()), id);
    } catch (InvalidInputException e) {
      out.add(
          new Difference(
              Status.DRIFT,
              Kind.ROUND_TRIP,
              item.resource(),
              "id",
              Integer.toString(id),
              "unresolvable",
              cut("schema id " + id + " on the target: " + e.getMessage())));
      return true;
    }
    if (found.isEmpty()) {
      out.add(
          new Difference(
              Status.DRIFT,
              Kind.ROUND_TRIP,
              item.resource(),
              "id",
              Integer.toString(id),
              "not found",
              "the target registry has no schema id "
                  + id
                  + ": records written with it cannot be read"));
      return true;
    }
    RoundTripResult result;
    try {
      result = roundTrip.check(source, id, found.get());
    } catch (InvalidInputException e) {
      out.add(notRun(item, e.getMessage()));
      return false;
    }
    String what =
        "schema id " + id + " (" + result.type() + "): a record written with the source schema";
    switch (result.status()) {
      case OK -> {}
      case MISMATCH ->
          out.add(
              new Difference(
                  Status.DRIFT,
                  Kind.ROUND_TRIP,
                  item.resource(),
                  result.field(),
                  result.expected(),
                  result.actual(),
                  what + " reads back different with the target's"));
      case UNREADABLE ->
          out.add(
              new Difference(
                  Status.DRIFT,
                  Kind.ROUND_TRIP,
                  item.resource(),
                  "(record)",
                  "readable",
                  cut(result.reason()),
                  what + " cannot be read with the target's"));
    }
    return true;
  }

  private void lookup(Item item, List<Difference> out) {
    int id = item.version().id();
    RegistryView.Lookup answer = target.lookup(item.subject(), item.version());
    if (answer.id() != null && answer.id() == id) {
      return;
    }
    String actual;
    String note;
    if (answer.id() != null) {
      actual = answer.id().toString();
      note = "a producer with this schema gets id " + answer.id() + " on the target, not " + id;
    } else if (answer.refusal() != null) {
      actual = "refused";
      note = cut("the target refused the lookup: " + answer.refusal());
    } else {
      actual = "not registered";
      note =
          "the target's "
              + item.subject()
              + " has no such schema: a producer would register a new version";
    }
    out.add(
        new Difference(
            Status.DRIFT,
            Kind.PRODUCER_LOOKUP,
            item.resource(),
            "id",
            Integer.toString(id),
            actual,
            note));
  }

  private void compatibility(Item item, List<Difference> out) {
    RegistryView.Compatibility answer = target.checkCompatibility(item.subject(), item.version());
    if (answer.compatible()) {
      return;
    }
    String id = "schema id " + item.version().id();
    String reason = answer.messages().isEmpty() ? "" : ": " + answer.messages().get(0);
    Difference d =
        new Difference(
            Status.DRIFT,
            Kind.COMPATIBILITY_CHECK,
            item.resource(),
            "compatibility",
            "compatible",
            answer.verdict(),
            cut(id + reason));
    Optional<RegistryView.Compatibility> sourceAnswer =
        liveSource.map(s -> s.checkCompatibility(item.subject(), item.version()));
    out.add(
        sourceAnswer.filter(answer::sameAs).isPresent()
            ? d.withStatus(
                Status.ACCEPTED,
                cut(id + ": the source registry answers the same; the target" + reason))
            : d);
  }

  private static Difference notRun(Item item, String reason) {
    return new Difference(
        Status.ACCEPTED,
        Kind.ROUND_TRIP,
        item.resource(),
        "id",
        Integer.toString(item.version().id()),
        null,
        cut("not checked: " + reason));
  }

  private static String cut(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= MAX_NOTE ? one : one.substring(0, MAX_NOTE - 3) + "...";
  }

  /**
   * Runs {@code fn} over the items on a bounded pool, results in the items' order; the first
   * failure is rethrown.
   */
  private <T, R> List<R> inParallel(List<T> items, java.util.function.Function<T, R> fn) {
    if (parallelism == 1 || items.size() < 2) {
      return items.stream().map(fn).toList();
    }
    try (Parallel pool = new Parallel(Math.min(parallelism, items.size()), "kraftport-roundtrip")) {
      return pool.list(items, fn);
    }
  }
}
