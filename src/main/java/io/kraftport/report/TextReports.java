package io.kraftport.report;

import io.kraftport.diff.Difference;
import io.kraftport.gate.CheckResult;
import io.kraftport.plan.LeftOut;
import io.kraftport.plan.TargetWarning;
import io.kraftport.plan.TopicPlan;
import io.kraftport.plan.TopicStep;
import io.kraftport.plan.TopicStep.Action;
import io.kraftport.snapshot.ClusterInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders plans and diffs as aligned text for a terminal or a CI log. */
public final class TextReports {
  private TextReports() {}

  public static String clusterLine(String label, ClusterInfo c) {
    StringBuilder sb =
        new StringBuilder(label)
            .append(" cluster ")
            .append(c.clusterId())
            .append(": ")
            .append(c.brokerCount())
            .append(c.brokerCount() == 1 ? " broker" : " brokers");
    if (c.mode() != null) {
      sb.append(", ").append(c.mode());
    }
    if (c.kafkaVersion() != null) {
      sb.append(", ").append(c.kafkaVersion());
    }
    return sb.toString();
  }

  public static String topicPlan(TopicPlan plan, boolean verbose) {
    StringBuilder sb = new StringBuilder();
    sb.append(clusterLine("Target", plan.target())).append('\n');
    for (TargetWarning w : plan.warnings()) {
      sb.append("Warning: ").append(w.describe()).append('\n');
    }
    sb.append('\n');
    TextTable table = new TextTable("ACTION", "TOPIC", "PARTITIONS", "RF", "DETAILS");
    for (TopicStep s : plan.steps()) {
      if (s.action() == Action.SKIPPED && !verbose) {
        continue;
      }
      table.row(s.action(), s.topic(), s.partitions(), s.replicationFactor(), details(s));
    }
    if (!table.isEmpty()) {
      sb.append(table.render());
    }
    StringBuilder notes = new StringBuilder();
    // Pins and translations repeat across topics (a cluster default shows on every topic): group
    // them.
    Map<String, List<String>> pins = new TreeMap<>();
    Map<String, List<String>> translations = new TreeMap<>();
    for (TopicStep s : plan.steps()) {
      s.pins()
          .forEach(
              (k, v) -> pins.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(s.topic()));
      s.translations()
          .forEach(
              t ->
                  translations
                      .computeIfAbsent(t.describe(), x -> new ArrayList<>())
                      .add(s.topic()));
    }
    translations.forEach(
        (what, topics) ->
            notes
                .append("  translated  ")
                .append(what)
                .append(" on ")
                .append(topicList(topics, verbose))
                .append('\n'));
    pins.forEach(
        (what, topics) ->
            notes
                .append("  pinned      ")
                .append(what)
                .append(" (the target's default differs) on ")
                .append(topicList(topics, verbose))
                .append('\n'));
    for (TopicStep s : plan.steps()) {
      for (var c : s.changes()) {
        notes
            .append("  ")
            .append(s.action() == Action.ALTER ? "alter       " : "differs     ")
            .append(s.topic())
            .append(": ")
            .append(c.field())
            .append(" source=")
            .append(c.source())
            .append(" target=")
            .append(c.target())
            .append('\n');
      }
      if (s.reason() != null
          && (s.isProblem() || s.note() == TopicStep.Note.REPLICATION_FACTOR_CAPPED)) {
        notes
            .append("  ")
            .append(s.isProblem() ? "problem     " : "note        ")
            .append(s.topic())
            .append(": ")
            .append(s.reason())
            .append('\n');
      }
    }
    if (notes.length() > 0) {
      sb.append('\n').append(notes);
    }
    sb.append('\n').append(summary(plan));
    return sb.toString();
  }

  private static String topicList(List<String> topics, boolean verbose) {
    int shown = verbose ? topics.size() : Math.min(5, topics.size());
    String names = String.join(", ", topics.subList(0, shown));
    if (topics.size() == 1) {
      return names;
    }
    return topics.size() + " topics: " + names + (shown < topics.size() ? ", ..." : "");
  }

  public static String summary(TopicPlan plan) {
    return "Topics: "
        + plan.count(Action.CREATE)
        + " to create, "
        + plan.count(Action.EXISTS_SAME)
        + " already there, "
        + plan.count(Action.ALTER)
        + " to alter, "
        + plan.count(Action.CONFLICT)
        + " in conflict, "
        + plan.count(Action.REFUSED)
        + " refused, "
        + plan.count(Action.SKIPPED)
        + " skipped"
        + leftOut(plan.leftOut())
        + "\n";
  }

  /** How many topics the filters left out, and why: the reason behind a "skipped" count. */
  public static String leftOut(LeftOut leftOut) {
    return leftOut.total() == 0
        ? ""
        : " (left out by the filters: "
            + leftOut.filtered()
            + " by --include/--exclude, "
            + leftOut.internal()
            + " internal)";
  }

  private static String details(TopicStep s) {
    StringBuilder sb = new StringBuilder();
    if (!s.configs().isEmpty()) {
      sb.append(s.configs().size()).append(" configs");
    }
    if (!s.pins().isEmpty()) {
      sb.append(sb.length() > 0 ? ", " : "").append(s.pins().size()).append(" pinned");
    }
    if (!s.translations().isEmpty()) {
      sb.append(sb.length() > 0 ? ", " : "").append(s.translations().size()).append(" translated");
    }
    if (!s.changes().isEmpty()) {
      sb.append(sb.length() > 0 ? ", " : "").append(s.changes().size()).append(" differing");
    }
    return sb.toString();
  }

  public static String diff(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("Source: ").append(report.source()).append('\n');
    sb.append("Target: ").append(report.target()).append('\n');
    for (Map.Entry<String, Integer> e : report.counts().entrySet()) {
      sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    if (!report.differences().isEmpty()) {
      TextTable table =
          new TextTable("STATUS", "KIND", "RESOURCE", "FIELD", "EXPECTED", "ACTUAL", "NOTE");
      for (Difference d : report.differences()) {
        table.row(
            d.status(),
            d.kind(),
            d.resource(),
            d.field(),
            abbreviate(d.expected()),
            abbreviate(d.actual()),
            d.note());
      }
      sb.append('\n').append(table.render());
    }
    sb.append('\n')
        .append("Verdict: ")
        .append(report.verdict())
        .append(" (")
        .append(report.summary().get("drift"))
        .append(" drift, ")
        .append(report.summary().get("translated"))
        .append(" translated, ")
        .append(report.summary().get("accepted"))
        .append(" accepted)\n");
    return sb.toString();
  }

  /** A difference in one line, for check details. */
  public static String oneLine(Difference d) {
    return d.oneLine();
  }

  /** A gate's verdict table, its failing checks' details, and the drift behind them. */
  public static String gate(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("Source: ").append(report.source()).append('\n');
    sb.append("Target: ").append(report.target()).append("\n\n");
    TextTable table = new TextTable("CHECK", "RESULT", "SUMMARY");
    for (CheckResult c : report.checks()) {
      table.row(c.name(), c.passed() ? "PASS" : "FAIL", c.summary());
    }
    sb.append(table.render());
    for (CheckResult c : report.checks()) {
      if (!c.details().isEmpty()) {
        sb.append('\n').append(c.name()).append(c.passed() ? ":" : " (failed):").append('\n');
        int shown = 0;
        for (String line : c.details()) {
          if (shown++ == 50) {
            sb.append("  ... and ")
                .append(c.details().size() - 50)
                .append(" more (see the reports)\n");
            break;
          }
          sb.append("  ").append(line).append('\n');
        }
      }
    }
    sb.append('\n')
        .append("Gate: ")
        .append(report.verdict())
        .append(" (")
        .append(report.checks().stream().filter(CheckResult::passed).count())
        .append(" of ")
        .append(report.checks().size())
        .append(" checks passed)\n");
    return sb.toString();
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "-";
    }
    String one = s.replace('\n', ' ');
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}
