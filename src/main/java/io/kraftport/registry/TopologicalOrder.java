package io.kraftport.registry;

import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The order to register a snapshot's subject versions in: every version after the versions it references and after
 * the earlier versions of its subject; ties broken by subject name, then version, so the order is deterministic.
 * Versions caught in a reference cycle (which no registry can hold) come last, in name order, flagged.
 */
final class TopologicalOrder {
  private TopologicalOrder() {}

  /** A subject version in registration order; {@code inCycle} when no order satisfies its references. */
  record Node(String subject, SchemaVersion version, boolean inCycle) {
    String key() {
      return subject + "\u0000" + version.version();
    }
  }

  static List<Node> of(RegistrySnapshot snapshot) {
    Map<String, Node> nodes = new HashMap<>();
    Map<String, List<String>> users = new HashMap<>();
    Map<String, Integer> pending = new HashMap<>();
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
        String key = s.name() + "\u0000" + v.version();
        if (previous != null) {
          edge(s.name() + "\u0000" + previous.version(), key, users, pending);
        }
        for (SchemaVersion.SchemaReference r : v.references()) {
          String dep = r.subject() + "\u0000" + r.version();
          if (nodes.containsKey(dep) && !dep.equals(key)) {
            edge(dep, key, users, pending);
          }
        }
        previous = v;
      }
    }
    Comparator<Node> byName = Comparator.comparing(Node::subject)
        .thenComparingInt(n -> n.version().version());
    PriorityQueue<Node> ready = new PriorityQueue<>(byName);
    pending.forEach((k, count) -> {
      if (count == 0) {
        ready.add(nodes.get(k));
      }
    });
    List<Node> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      Node n = ready.poll();
      out.add(n);
      for (String user : users.getOrDefault(n.key(), List.of())) {
        if (pending.merge(user, -1, Integer::sum) == 0) {
          ready.add(nodes.get(user));
        }
      }
    }
    if (out.size() < nodes.size()) {
      nodes.values().stream().filter(n -> pending.get(n.key()) > 0).sorted(byName)
          .forEach(n -> out.add(new Node(n.subject(), n.version(), true)));
    }
    return out;
  }

  private static void edge(String from, String to, Map<String, List<String>> users, Map<String, Integer> pending) {
    users.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
    pending.merge(to, 1, Integer::sum);
  }
}
