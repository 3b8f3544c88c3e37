package io.kraftport.report;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import io.kraftport.gate.CheckResult;
import io.kraftport.migrate.Verdict;
import java.util.List;
import java.util.Map;

/**
 * The reports the golden files and the browser test render: one per case the formats must get
 * right.
 */
final class ReportFixtures {
  private ReportFixtures() {}

  static final String SCHEMA_BEFORE =
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"io.example\","
          + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"long\"},"
          + "{\"name\":\"currency\",\"type\":\"string\",\"default\":\"EUR\"}]}";
  static final String SCHEMA_AFTER =
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"io.example\","
          + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"long\"}]}";

  /**
   * (a) A diff with drift (a topic and a subject), a translated config and an accepted replication
   * factor.
   */
  static Report diffWithDrift() {
    return diff(
        "snapshot before.json (cluster zk-4f2a)",
        "kraft-1:9092 cluster kr-9c1e",
        Map.of(
            "topics (source)",
            4,
            "topics (target)",
            4,
            "topics left out by --include/--exclude (source)",
            2,
            "topics left out by --include/--exclude (target)",
            2,
            "topics left out as internal (source)",
            0,
            "topics left out as internal (target)",
            3),
        List.of(
            Difference.drift(Kind.PARTITIONS, "orders", "partitions", 6, 3),
            Difference.drift(Kind.CONFIG, "orders", "retention.ms", "604800000", "86400000"),
            new Difference(
                Status.TRANSLATED,
                Kind.CONFIG,
                "orders",
                "message.format.version",
                "2.8-IV1",
                "(dropped)",
                "removed in Kafka 4: brokers always write format v2"),
            Difference.drift(Kind.REPLICATION_FACTOR, "payments", "replicationFactor", 3, 1)
                .withStatus(Status.ACCEPTED, "capped by --replication-factor 1"),
            Difference.drift(
                Kind.SCHEMA_TEXT, "payments-value/2", "schema", SCHEMA_BEFORE, SCHEMA_AFTER),
            new Difference(
                Status.TRANSLATED,
                Kind.CONFIG,
                "audit",
                "message.downconversion.enable",
                "true",
                "(dropped)",
                "removed in Kafka 4")));
  }

  /** (b) A diff with nothing to report. */
  static Report parity() {
    return diff(
        "snapshot before.json (cluster zk-4f2a)",
        "snapshot after.json (cluster kr-9c1e)",
        Map.of("topics (source)", 4, "topics (target)", 4),
        List.of());
  }

  /**
   * (c) A closed gate: consumers still lag, the target is healthy; the diff behind it is only
   * expected changes.
   */
  static Report closedGate() {
    return gate(
        "zk-1:9092 cluster zk-4f2a",
        "kraft-1:9092 cluster kr-9c1e",
        Map.of("brokers (target)", 3, "topics (source)", 4, "topics (target)", 4),
        List.of(
            CheckResult.fail(
                "consumer lag drained",
                "2 partitions still lag",
                List.of(
                    "group orders-app, orders-0: lag 120", "group orders-app, orders-2: lag 7")),
            CheckResult.pass(
                "target healthy", "3 brokers, no under-replicated partitions", List.of())),
        List.of(
            new Difference(
                Status.TRANSLATED,
                Kind.CONFIG,
                "orders",
                "message.format.version",
                "2.8-IV1",
                "(dropped)",
                "removed in Kafka 4: brokers always write format v2"),
            Difference.drift(Kind.REPLICATION_FACTOR, "payments", "replicationFactor", 3, 1)
                .withStatus(Status.ACCEPTED, "capped by --replication-factor 1")));
  }

  /** A diff's report with the verdict the core would decide for these differences. */
  static Report diff(
      String source, String target, Map<String, Integer> counts, List<Difference> differences) {
    return Report.of(source, target, counts, differences, Verdict.ofDifferences(differences));
  }

  /** A gate's report with the verdict the core would decide for these checks. */
  static Report gate(
      String source,
      String target,
      Map<String, Integer> counts,
      List<CheckResult> checks,
      List<Difference> differences) {
    return Report.gate(source, target, counts, checks, differences, Verdict.ofChecks(checks));
  }

  /** Text that breaks every format if it is not escaped, in every field a report renders. */
  static final String NASTY = "a<b>&c\"d'e|f\ng`h*i_j[k](l)\\m <script>alert(1)</script> &lt;";

  static Report nasty() {
    return gate(
        NASTY,
        NASTY,
        Map.of(NASTY, 1),
        List.of(
            CheckResult.fail(NASTY, NASTY, List.of(NASTY, NASTY)),
            CheckResult.pass(NASTY, NASTY, List.of())),
        List.of(
            new Difference(Status.DRIFT, Kind.CONFIG, NASTY, NASTY, NASTY, NASTY, NASTY),
            new Difference(Status.TRANSLATED, Kind.CONFIG, NASTY, "x", NASTY, null, NASTY)));
  }
}
