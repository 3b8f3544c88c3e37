package io.kraftport.gate;

import io.kraftport.gate.ClientMinimums.Judgment;
import io.kraftport.gate.ClientMinimums.Verdict;
import io.kraftport.gate.MetricNames.ClientConnections;
import io.kraftport.gate.MetricNames.DeprecatedUse;
import io.kraftport.kafka.BrokerApiVersions.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The client software connected to the source (KIP-511 gauges) or seen using removed request
 * versions, one row per software name and version, each judged twice: against the table of minimum
 * versions ({@link ClientMinimums}, advisory) and against the request versions the target accepts
 * (what decides readiness).
 */
public record ClientInventory(List<Row> rows) {
  public ClientInventory {
    rows = List.copyOf(rows);
  }

  /** One client software name and version. */
  public record Row(
      String clientName,
      String clientVersion,
      long connections,
      Verdict tableVerdict,
      Optional<ClientMinimums.Row> tableRow,
      List<String> refusedRequests,
      List<String> acceptedRequests) {
    public Row {
      Objects.requireNonNull(clientName, "clientName");
      Objects.requireNonNull(clientVersion, "clientVersion");
      refusedRequests = List.copyOf(refusedRequests);
      acceptedRequests = List.copyOf(acceptedRequests);
    }

    /**
     * Ready unless it used a request version the target refuses (or, without a target, any removed
     * version).
     */
    public boolean ready() {
      return refusedRequests.isEmpty();
    }

    /** One line: who, how many connections, the verdicts and where the minimum comes from. */
    public String describe() {
      StringBuilder sb =
          new StringBuilder(
              clientName
                  + " "
                  + clientVersion
                  + ": "
                  + connections
                  + (connections == 1 ? " connection" : " connections"));
      if (!refusedRequests.isEmpty()) {
        sb.append("; not ready: ").append(String.join(", ", refusedRequests));
      }
      tableRow.ifPresentOrElse(
          r ->
              sb.append("; ")
                  .append(
                      switch (tableVerdict) {
                        case READY -> "at or above";
                        case UPGRADE -> "below";
                        case UNKNOWN -> "cannot compare with";
                      })
                  .append(" the Kafka 4 minimum ")
                  .append(r.minimum())
                  .append(" of ")
                  .append(r.client())
                  .append(" (")
                  .append(r.source())
                  .append(r.note() == null ? "" : "; " + r.note())
                  .append(")"),
          () -> sb.append("; no known Kafka 4 minimum for this client"));
      return sb.toString();
    }
  }

  /**
   * Builds the inventory from what the brokers reported; {@code target} (the versions the target
   * accepts per request) decides which removed-version requests count against a client.
   */
  public static ClientInventory of(
      List<ClientConnections> connected,
      List<DeprecatedUse> deprecated,
      Optional<Map<String, Range>> target,
      ClientMinimums table) {
    Map<List<String>, Long> connections = new TreeMap<>(ClientInventory::compareKeys);
    connected.forEach(
        c -> connections.merge(List.of(c.clientName(), c.clientVersion()), c.count(), Long::sum));
    Map<List<String>, TreeSet<String>> refused = new TreeMap<>(ClientInventory::compareKeys);
    Map<List<String>, TreeSet<String>> accepted = new TreeMap<>(ClientInventory::compareKeys);
    for (DeprecatedUse d : deprecated) {
      if (d.count() <= 0) {
        continue;
      }
      List<String> key = List.of(d.clientName(), d.clientVersion());
      connections.putIfAbsent(key, 0L);
      Optional<Range> range = target.map(t -> t.get(d.request()));
      boolean ok = range.isPresent() && accepts(range.get(), d.version());
      (ok ? accepted : refused)
          .computeIfAbsent(key, k -> new TreeSet<>())
          .add(d.request() + " v" + d.version());
    }
    List<Row> rows = new ArrayList<>();
    connections.forEach(
        (key, n) -> {
          if (n <= 0 && !refused.containsKey(key) && !accepted.containsKey(key)) {
            return;
          }
          Judgment j = table.judge(key.get(0), key.get(1));
          rows.add(
              new Row(
                  key.get(0),
                  key.get(1),
                  n,
                  j.verdict(),
                  j.row(),
                  List.copyOf(refused.getOrDefault(key, new TreeSet<>())),
                  List.copyOf(accepted.getOrDefault(key, new TreeSet<>()))));
        });
    return new ClientInventory(rows);
  }

  static boolean accepts(Range range, String version) {
    try {
      return range.accepts(Integer.parseInt(version));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int compareKeys(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }
}
