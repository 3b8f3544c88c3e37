package io.kraftport.cli;

import io.kraftport.report.Report;
import io.kraftport.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that say which report files a judging command ({@code diff}, {@code gate}) writes,
 * and where.
 */
public final class ReportOptions {
  @Option(
      names = "--report-json",
      paramLabel = "FILE",
      description = "Write the report as JSON: verdict, counts, every check and difference.")
  Path json;

  @Option(
      names = "--report-junit",
      paramLabel = "FILE",
      description =
          "Write the report as JUnit XML, for the test results view of CI (Jenkins, GitLab, GitHub).")
  Path junit;

  @Option(
      names = "--report-md",
      paramLabel = "FILE",
      description = "Write the report as Markdown, e.g. for a pull-request comment.")
  Path markdown;

  @Option(
      names = "--report-html",
      paramLabel = "FILE",
      description =
          "Write the report as one self-contained HTML page with a sortable, filterable table.")
  Path html;

  /** Writes every report file asked for; returns the files written. */
  public List<Path> write(Report report) {
    return ReportWriter.of(json, junit, markdown, html).write(report);
  }
}
