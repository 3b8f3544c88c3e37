package io.kraftport.registry;

import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import io.kraftport.snapshot.SubjectVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The order to register a snapshot's subject versions in: every version after the versions it
 * references and after the earlier versions of its subject; ties broken by subject name, then
 * version, so the order is deterministic. Versions caught in a reference cycle (which no registry
 * can hold) come last, in name order, flagged.
 */
final class TopologicalOrder {
  private TopologicalOrder() {}

  /**
   * A subject version in registration order; {@code inCycle} when no order satisfies its
   * references.
   */
  record Node(String subject, SchemaVersion version, boolean inCycle) {
    SubjectVersion key() {
      return new SubjectVersion(subject, version.version());
    }
  }

  static List<Node> of(RegistrySnapshot snapshot) {
    Map<SubjectVersion, Node> nodes = new HashMap<>();
    Map<SubjectVersion, List<SubjectVersion>> users = new HashMap<>();
    Map<SubjectVersion, Integer> pending = new HashMap<>();
    for (SubjectSnapshot s : snapshot.subjects()) {
      for (SchemaVersion v : s.versions()) {
        Node n = new Node(s.name(), v, false);
        nodes.put(n.key(), n);
        pending.put(n.key(), 0);
      }
    }
    for (SubjectSnapshot s : snapshot.subjects()) {
      SchemaVersion previous = null;
      for (SchemaVersion v : s.versions()) {
        SubjectVersion key = new SubjectVersion(s.name(), v.version());
        if (previous != null) {
          edge(new SubjectVersion(s.name(), previous.version()), key, users, pending);
        }
        for (SchemaVersion.SchemaReference r : v.references()) {
          SubjectVersion dep = SubjectVersion.of(r);
          if (nodes.containsKey(dep) && !dep.equals(key)) {
            edge(dep, key, users, pending);
          }
        }
        previous = v;
      }
    }
    Comparator<Node> byName =
        Comparator.comparing(Node::subject).thenComparingInt(n -> n.version().version());
    PriorityQueue<Node> ready = new PriorityQueue<>(byName);
    pending.forEach(
        (k, count) -> {
          if (count == 0) {
            ready.add(nodes.get(k));
          }
        });
    List<Node> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      Node n = ready.poll();
      out.add(n);
      for (SubjectVersion user : users.getOrDefault(n.key(), List.of())) {
        if (pending.merge(user, -1, Integer::sum) == 0) {
          ready.add(nodes.get(user));
        }
      }
    }
    if (out.size() < nodes.size()) {
      nodes.values().stream()
          .filter(n -> pending.get(n.key()) > 0)
          .sorted(byName)
          .forEach(n -> out.add(new Node(n.subject(), n.version(), true)));
    }
    return out;
  }

  private static void edge(
      SubjectVersion from,
      SubjectVersion to,
      Map<SubjectVersion, List<SubjectVersion>> users,
      Map<SubjectVersion, Integer> pending) {
    users.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
    pending.merge(to, 1, Integer::sum);
  }
}
