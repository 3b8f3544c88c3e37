package io.kraftport.registry;

import io.kraftport.Parallel;
import io.kraftport.Progress;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reads a whole schema registry into a {@link RegistrySnapshot}: global compatibility and mode,
 * contexts, every subject and every version (soft-deleted ones included and flagged) with id, type,
 * text, references, metadata and rule set, and each subject's own compatibility and mode where it
 * overrides the global ones (on Apicurio, its own rules API tells a subject's compatibility
 * override apart, its modes stay as answered). Schema texts come from the paged {@code
 * /schemas?deleted=true} listing where the server offers it; whatever the listing lacks is read
 * version by version. Subjects are read with bounded parallelism; the result is sorted, so two
 * exports of the same registry are equal.
 */
public final class RegistryExporter {
  private final RegistryClient client;

  public RegistryExporter(RegistryClient client) {
    this.client = client;
  }

  public RegistrySnapshot export(ExportOptions options) {
    return export(options, Progress.NONE);
  }

  /** Exports, reporting to {@code progress} how many subjects and versions have been read. */
  public RegistrySnapshot export(ExportOptions options, Progress progress) {
    RegistryFlavor flavor = client.flavor();
    String globalCompatibility = client.globalCompatibility();
    String globalMode = optional(client::globalMode);
    List<String> contexts = client.contexts();
    List<String> subjects =
        client.subjects(true).stream().filter(options::accepts).distinct().sorted().toList();
    Set<String> live = new HashSet<>(client.subjects(false));
    boolean overridesKnown = flavor != RegistryFlavor.APICURIO;
    // The client reads Apicurio's compatibility from its rules API, which tells an override from
    // none.
    boolean compatibilityKnown = flavor == RegistryFlavor.APICURIO;

    try (Parallel parallel = new Parallel(options.parallelism(), "kraftport-registry")) {
      AtomicLong listed = new AtomicLong();
      Map<String, VersionLists> versionLists =
          parallel.map(
              subjects,
              s -> {
                VersionLists lists =
                    new VersionLists(
                        client.versions(s, true), new HashSet<>(client.versions(s, false)));
                progress.advance("subjects listed", listed.incrementAndGet(), subjects.size());
                return lists;
              });
      Map<Key, SchemaEntry> entries = listing(options, new HashSet<>(subjects));
      List<Key> missing = new ArrayList<>();
      versionLists.forEach(
          (s, lists) ->
              lists
                  .all()
                  .forEach(
                      v -> {
                        if (!entries.containsKey(new Key(s, v))) {
                          missing.add(new Key(s, v));
                        }
                      }));
      AtomicLong read = new AtomicLong();
      entries.putAll(
          parallel.map(
              missing,
              k -> {
                SchemaEntry e = client.version(k.subject(), k.version(), true);
                progress.advance("schema versions read", read.incrementAndGet(), missing.size());
                return e;
              }));
      AtomicLong settled = new AtomicLong();
      Map<String, Overrides> overrides =
          parallel.map(
              subjects,
              s -> {
                Overrides o =
                    new Overrides(client.subjectCompatibility(s).orElse(null), optionalMode(s));
                progress.advance(
                    "subject settings read", settled.incrementAndGet(), subjects.size());
                return o;
              });

      List<SubjectSnapshot> out = new ArrayList<>();
      for (String s : subjects) {
        VersionLists lists = versionLists.get(s);
        List<SchemaVersion> versions = new ArrayList<>();
        for (int v : lists.all()) {
          versions.add(entries.get(new Key(s, v)).toSchemaVersion(!lists.live().contains(v)));
        }
        Overrides o = overrides.get(s);
        out.add(new SubjectSnapshot(s, !live.contains(s), o.compatibility(), o.mode(), versions));
      }
      return new RegistrySnapshot(
          client.url(),
          flavor.snapshotName(),
          globalCompatibility,
          globalMode,
          overridesKnown,
          compatibilityKnown,
          contexts,
          out,
          List.of());
    }
  }

  /**
   * The {@code /schemas?deleted=true} listing of the exported subjects, page by page; empty where
   * the server has no such listing. Stops at a short page, at a page larger than asked (the server
   * ignored the limit), or at a page that brings nothing new (the server ignored the offset).
   */
  private Map<Key, SchemaEntry> listing(ExportOptions options, Set<String> subjects) {
    Map<Key, SchemaEntry> out = new HashMap<>();
    Set<Key> seen = new HashSet<>();
    int offset = 0;
    while (true) {
      List<SchemaEntry> page;
      try {
        page = client.schemas(true, offset, options.pageSize());
      } catch (RegistryException e) {
        if (e.isUnsupportedEndpoint() || e.httpStatus() == 400) {
          return out;
        }
        throw e;
      }
      boolean progress = false;
      for (SchemaEntry e : page) {
        if (e.subject() == null || e.version() == null || e.id() == null || e.schema() == null) {
          continue;
        }
        Key key = new Key(e.subject(), e.version());
        progress |= seen.add(key);
        if (subjects.contains(e.subject())) {
          out.putIfAbsent(key, e);
        }
      }
      if (page.size() != options.pageSize() || !progress) {
        return out;
      }
      offset += page.size();
    }
  }

  private String optionalMode(String subject) {
    try {
      return client.subjectMode(subject).orElse(null);
    } catch (RegistryException e) {
      if (e.isUnsupportedEndpoint()) {
        return null;
      }
      throw e;
    }
  }

  private static String optional(Supplier<String> read) {
    try {
      return read.get();
    } catch (RegistryException e) {
      if (e.isUnsupportedEndpoint()) {
        return null;
      }
      throw e;
    }
  }

  private record Key(String subject, int version) {}

  private record VersionLists(List<Integer> all, Set<Integer> live) {
    VersionLists {
      all = all.stream().distinct().sorted().toList();
    }
  }

  private record Overrides(String compatibility, String mode) {}

  /** A version of a subject in a snapshot. */
  static Optional<SchemaVersion> find(RegistrySnapshot snapshot, String subject, int version) {
    return snapshot.findVersion(subject, version);
  }
}
