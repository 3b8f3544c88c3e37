package io.kraftport.report;

import io.kraftport.InvalidInputException;
import io.kraftport.snapshot.SnapshotCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report files one run writes: any of JSON, JUnit XML, Markdown and HTML, each to its own path.
 * Every format is rendered before the first file is written, and each file is replaced atomically,
 * so a reader (a CI step, a browser) never sees a half-written report.
 */
public final class ReportWriter {
  /** The file formats a report can be written in. */
  public enum Format {
    JSON(JsonReports::toJson),
    JUNIT_XML(JunitXmlReport::render),
    MARKDOWN(MarkdownReport::render),
    HTML(HtmlReport::render);

    private final Function<Report, String> renderer;

    Format(Function<Report, String> renderer) {
      this.renderer = renderer;
    }

    public String render(Report report) {
      return renderer.apply(report);
    }
  }

  private final Map<Format, Path> files;

  /** Writes each format that has a path; formats without one (or with a null one) are skipped. */
  public ReportWriter(Map<Format, Path> files) {
    EnumMap<Format, Path> copy = new EnumMap<>(Format.class);
    files.forEach(
        (format, path) -> {
          if (path != null) {
            copy.put(format, path);
          }
        });
    // Two formats into one file would leave whichever was written last: refuse before any file is
    // written.
    Map<Path, Format> seen = new HashMap<>();
    copy.forEach(
        (format, path) -> {
          Format other = seen.put(path.toAbsolutePath().normalize(), format);
          if (other != null) {
            throw new InvalidInputException(
                "the " + other + " and " + format + " reports would both be written to " + path);
          }
        });
    this.files = Collections.unmodifiableMap(copy);
  }

  /** A writer for the given paths, any of which may be null. */
  public static ReportWriter of(Path json, Path junitXml, Path markdown, Path html) {
    Map<Format, Path> files = new EnumMap<>(Format.class);
    files.put(Format.JSON, json);
    files.put(Format.JUNIT_XML, junitXml);
    files.put(Format.MARKDOWN, markdown);
    files.put(Format.HTML, html);
    return new ReportWriter(files);
  }

  public Map<Format, Path> files() {
    return files;
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /**
   * Renders and writes every requested format; returns the files written, in {@link Format} order.
   */
  public List<Path> write(Report report) {
    Map<Format, String> rendered = new EnumMap<>(Format.class);
    files.keySet().forEach(f -> rendered.put(f, f.render(report)));
    List<Path> written = new ArrayList<>(files.size());
    files.forEach(
        (format, path) -> {
          SnapshotCodec.writeAtomically(path, rendered.get(format));
          written.add(path);
        });
    return written;
  }
}
