package io.kraftport.report;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Status;
import io.kraftport.gate.CheckResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Report} as one self-contained HTML page: a verdict banner, the two sides and
 * counts, the checks, and the differences in a table that can be sorted (click a header) and
 * filtered (text and status). The style and script are inline and a content security policy forbids
 * loading anything, so the page works offline, as a CI artifact, from a mail attachment. Without
 * JavaScript the table is complete and readable; only the controls are missing.
 */
public final class HtmlReport {
  /**
   * Values longer than this are shown shortened, the full text one click away in a {@code
   * <details>}.
   */
  static final int MAX_VALUE = 120;

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private HtmlReport() {}

  public static String render(Report report) {
    StringBuilder sb = new StringBuilder();
    String headline = ReportParts.headline(report);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        // Inline style and script only; no fetches of any kind, even if a value smuggled in markup.
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';")
        .append(" script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(headline))
        .append("</title>\n")
        .append("<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    String outcome = report.passed() ? "pass" : "fail";
    sb.append("<header class=\"banner ")
        .append(outcome)
        .append("\" id=\"verdict\">\n")
        .append("<h1><span class=\"mark\" aria-hidden=\"true\">")
        .append(report.passed() ? "✔" : "✘")
        .append("</span> ")
        .append(escape(headline))
        .append("</h1>\n")
        .append("<p>")
        .append(ReportParts.tally(report))
        .append("</p>\n</header>\n<main>\n");
    sides(sb, report);
    if (!report.checks().isEmpty()) {
      checks(sb, report);
    }
    differences(sb, report);
    sb.append("</main>\n<script>\n").append(JS).append("</script>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void sides(StringBuilder sb, Report report) {
    sb.append("<section>\n<h2>Sides and counts</h2>\n<table class=\"facts\">\n<tbody>\n");
    fact(sb, "Source", report.source());
    fact(sb, "Target", report.target());
    for (Map.Entry<String, Integer> e : report.counts().entrySet()) {
      fact(sb, e.getKey(), Integer.toString(e.getValue()));
    }
    sb.append("</tbody>\n</table>\n</section>\n");
  }

  private static void fact(StringBuilder sb, String name, String value) {
    sb.append("<tr><th scope=\"row\">")
        .append(escape(name))
        .append("</th><td>")
        .append(escape(value))
        .append("</td></tr>\n");
  }

  private static void checks(StringBuilder sb, Report report) {
    sb.append(
            "<section>\n<h2>Checks</h2>\n<table class=\"checks\">\n<thead><tr><th>Result</th><th>Check</th>")
        .append("<th>Summary</th><th>Details</th></tr></thead>\n<tbody>\n");
    for (CheckResult c : report.checks()) {
      String result = c.passed() ? "pass" : "fail";
      sb.append("<tr class=\"")
          .append(result)
          .append("\"><td><span class=\"badge ")
          .append(result)
          .append("\">")
          .append(c.passed() ? "PASS" : "FAIL")
          .append("</span></td><td>")
          .append(escape(c.name()))
          .append("</td><td>")
          .append(escape(c.summary()))
          .append("</td><td>");
      if (!c.details().isEmpty()) {
        sb.append("<ul>");
        c.details().forEach(d -> sb.append("<li>").append(escape(d)).append("</li>"));
        sb.append("</ul>");
      }
      sb.append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n</section>\n");
  }

  private static void differences(StringBuilder sb, Report report) {
    sb.append("<section>\n<h2>Differences</h2>\n");
    if (report.differences().isEmpty()) {
      sb.append("<p class=\"none\">No differences.</p>\n</section>\n");
      return;
    }
    // Hidden until the script shows them: without JavaScript they would do nothing.
    sb.append("<div class=\"controls\" id=\"controls\" hidden>\n")
        .append(
            "<label>Filter <input type=\"search\" id=\"filter-text\" placeholder=\"resource, field, value…\">")
        .append(
            "</label>\n<label>Status <select id=\"filter-status\">\n<option value=\"\">all</option>\n");
    for (Status s : Status.values()) {
      sb.append("<option value=\"")
          .append(s.name())
          .append("\">")
          .append(ReportParts.statusLabel(s))
          .append(" (")
          .append(ReportParts.count(report, s))
          .append(")</option>\n");
    }
    sb.append(
            "</select></label>\n<output id=\"shown\" for=\"filter-text filter-status\"></output>\n</div>\n")
        .append(
            "<table class=\"differences\" id=\"differences\">\n<thead><tr><th>Status</th><th>Kind</th>")
        .append(
            "<th>Resource</th><th>Field</th><th>Expected (source)</th><th>Actual (target)</th><th>Note</th>")
        .append("</tr></thead>\n<tbody>\n");
    // Drift first, as in the other formats; the report's own order within each status.
    List<Difference> rows =
        report.differences().stream().sorted(Comparator.comparing(Difference::status)).toList();
    for (Difference d : rows) {
      String status = d.status().name();
      sb.append("<tr data-status=\"")
          .append(status)
          .append("\"><td data-sort=\"")
          .append(d.status().ordinal())
          .append("\"><span class=\"badge ")
          .append(ReportParts.statusLabel(d.status()))
          .append("\">")
          .append(status)
          .append("</span></td><td>")
          .append(ReportParts.kindLabel(d.kind()))
          .append("</td><td>")
          .append(escape(d.resource()))
          .append("</td><td>")
          .append(escape(d.field()))
          .append("</td>");
      ReportParts.Values shortened = ReportParts.abbreviate(d, MAX_VALUE);
      value(sb, d.expected(), shortened.expected());
      value(sb, d.actual(), shortened.actual());
      sb.append("<td>").append(escape(d.note())).append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n</section>\n");
  }

  private static void value(StringBuilder sb, String full, String shortened) {
    if (full == null) {
      sb.append("<td class=\"value absent\">(none)</td>");
    } else if (full.equals(shortened)) {
      sb.append("<td class=\"value\">").append(escape(full)).append("</td>");
    } else {
      sb.append("<td class=\"value\"><details><summary>")
          .append(escape(shortened))
          .append("</summary><pre>")
          .append(escape(full))
          .append("</pre></details></td>");
    }
  }

  /** Escapes text for HTML element content and quoted attribute values; null becomes empty. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
