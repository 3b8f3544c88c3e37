package io.kraftport.report;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Status;
import io.kraftport.gate.CheckResult;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Report} as GitHub-flavoured Markdown for a pull-request or merge-request
 * comment: the verdict as the heading, the two sides and the counts, a table of checks, then one
 * table of differences per status, drift first. Text from the report is escaped so that a {@code
 * |}, a line break or markup in a value cannot break a table or turn into formatting; long values
 * are shortened (the JSON and HTML reports carry them in full).
 */
public final class MarkdownReport {
  /** Longest value shown in a cell. */
  static final int MAX_VALUE = 80;

  /**
   * Rows per table: a comment has a size limit (65,536 characters on GitHub) and nobody reads a
   * thousand rows.
   */
  static final int MAX_ROWS = 100;

  /** Detail lines shown per check. */
  static final int MAX_DETAILS = 10;

  private MarkdownReport() {}

  public static String render(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("## ")
        .append(report.passed() ? "✅ " : "❌ ")
        .append(ReportParts.headline(report))
        .append("\n\n");
    sb.append("- **Source:** ").append(inline(report.source())).append('\n');
    sb.append("- **Target:** ").append(inline(report.target())).append('\n');
    for (Map.Entry<String, Integer> e : report.counts().entrySet()) {
      sb.append("- **").append(inline(e.getKey())).append(":** ").append(e.getValue()).append('\n');
    }
    sb.append("- **Differences:** ").append(ReportParts.tally(report)).append('\n');
    if (!report.checks().isEmpty()) {
      sb.append("\n### Checks\n\n");
      sb.append("| | Check | Summary | Details |\n");
      sb.append("|---|---|---|---|\n");
      for (CheckResult c : report.checks()) {
        sb.append("| ")
            .append(c.passed() ? "✅" : "❌")
            .append(" | ")
            .append(cell(c.name()))
            .append(" | ")
            .append(cell(c.summary()))
            .append(" | ")
            .append(details(c.details()))
            .append(" |\n");
      }
    }
    if (report.differences().isEmpty()) {
      sb.append("\nNo differences.\n");
    }
    for (Status status : Status.values()) {
      List<Difference> group =
          report.differences().stream().filter(d -> d.status() == status).toList();
      if (!group.isEmpty()) {
        differences(sb, status, group);
      }
    }
    return sb.toString();
  }

  private static void differences(StringBuilder sb, Status status, List<Difference> group) {
    String label = ReportParts.statusLabel(status);
    sb.append("\n### ")
        .append(Character.toUpperCase(label.charAt(0)))
        .append(label.substring(1))
        .append(" (")
        .append(group.size())
        .append(")\n\n");
    sb.append("| Kind | Resource | Field | Expected (source) | Actual (target) | Note |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Difference d : group.subList(0, Math.min(MAX_ROWS, group.size()))) {
      ReportParts.Values v = ReportParts.abbreviate(d, MAX_VALUE);
      sb.append("| ")
          .append(ReportParts.kindLabel(d.kind()))
          .append(" | ")
          .append(cell(d.resource()))
          .append(" | ")
          .append(cell(d.field()))
          .append(" | ")
          .append(value(v.expected()))
          .append(" | ")
          .append(value(v.actual()))
          .append(" | ")
          .append(cell(d.note()))
          .append(" |\n");
    }
    if (group.size() > MAX_ROWS) {
      sb.append("\n…and ")
          .append(group.size() - MAX_ROWS)
          .append(" more ")
          .append(label)
          .append(" differences; the JSON or HTML report lists them all.\n");
    }
  }

  private static String details(List<String> lines) {
    List<String> shown = lines.subList(0, Math.min(MAX_DETAILS, lines.size()));
    StringBuilder sb = new StringBuilder();
    for (String line : shown) {
      sb.append(sb.length() == 0 ? "" : "<br>").append(cell(line));
    }
    if (lines.size() > MAX_DETAILS) {
      sb.append("<br>…and ").append(lines.size() - MAX_DETAILS).append(" more");
    }
    return sb.toString();
  }

  /** A value cell, already shortened: "(none)" when absent. */
  private static String value(String s) {
    return s == null ? "*(none)*" : cell(s);
  }

  /**
   * Table-cell text: escaped, with line breaks as {@code <br>} since a raw one would end the row.
   */
  static String cell(String s) {
    if (s == null) {
      return "";
    }
    return escape(s).replace("\r\n", "\n").replace('\r', '\n').replace("\n", "<br>");
  }

  /** Text outside a table: escaped, on one line. */
  static String inline(String s) {
    return s == null ? "" : escape(s).replaceAll("[\\r\\n]+", " ");
  }

  /**
   * Backslash-escapes the punctuation Markdown gives meaning to inside a line (GFM allows a
   * backslash before any ASCII punctuation), and writes {@code &} as an entity so {@code &lt;} in a
   * value stays literal.
   */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '!' -> sb.append('\\').append(c);
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
