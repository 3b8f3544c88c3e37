package io.kraftport.roundtrip;

import io.kraftport.registry.Contexts;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which registry context a record's schema id belongs to, as the source snapshot tells: a record
 * carries only an id, and on Confluent each context is its own id space. The context is that of the
 * source subjects carrying the id: first those named for the record's topic under the default
 * subject naming ({@code <topic>-key} for keys, {@code <topic>-value} for values, in any context),
 * else any subject carrying it. Where that leaves several contexts, the default context wins if
 * among them, else the first by name; an id no source subject carries is looked up in the default
 * context. Immutable.
 */
public final class IdContexts {
  /** Every id in the default context: for sources without contexts. */
  public static final IdContexts DEFAULT_ONLY = new IdContexts(Map.of(), Map.of());

  /** Per id, the contexts of every subject carrying it. */
  private final Map<Integer, SortedSet<String>> byId;

  /** Per unqualified subject name and id, the contexts of the subjects of that name carrying it. */
  private final Map<NameAndId, SortedSet<String>> byNameAndId;

  /** An unqualified subject name and an id. */
  private record NameAndId(String subject, int id) {}

  private IdContexts(
      Map<Integer, SortedSet<String>> byId, Map<NameAndId, SortedSet<String>> byNameAndId) {
    this.byId = byId;
    this.byNameAndId = byNameAndId;
  }

  public static IdContexts of(RegistrySnapshot source) {
    if (source == null) {
      return DEFAULT_ONLY;
    }
    Map<Integer, SortedSet<String>> byId = new HashMap<>();
    Map<NameAndId, SortedSet<String>> byNameAndId = new HashMap<>();
    for (SubjectSnapshot s : source.subjects()) {
      String context = Contexts.of(s.name());
      String name = unqualified(s.name());
      for (SchemaVersion v : s.versions()) {
        byId.computeIfAbsent(v.id(), k -> new TreeSet<>()).add(context);
        byNameAndId.computeIfAbsent(new NameAndId(name, v.id()), k -> new TreeSet<>()).add(context);
      }
    }
    return new IdContexts(byId, byNameAndId);
  }

  /**
   * The context to look {@code id} up in, for a key ({@code key}) or value of a record of {@code
   * topic}.
   */
  public String contextFor(String topic, boolean key, int id) {
    Set<String> named = byNameAndId.get(new NameAndId(topic + (key ? "-key" : "-value"), id));
    if (named != null && !named.isEmpty()) {
      return pick(named);
    }
    Set<String> any = byId.get(id);
    return any == null || any.isEmpty() ? Contexts.DEFAULT : pick(any);
  }

  private static String pick(Set<String> contexts) {
    return contexts.contains(Contexts.DEFAULT)
        ? Contexts.DEFAULT
        : List.copyOf(new TreeSet<>(contexts)).get(0);
  }

  /** {@code orders-value} for {@code :.ctx:orders-value}. */
  private static String unqualified(String subject) {
    if (!subject.startsWith(":.")) {
      return subject;
    }
    int end = subject.indexOf(':', 2);
    return end < 0 ? subject : subject.substring(end + 1);
  }
}
