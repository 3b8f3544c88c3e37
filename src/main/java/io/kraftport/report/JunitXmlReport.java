package io.kraftport.report;

import io.kraftport.diff.Difference;
import io.kraftport.gate.CheckResult;
import io.kraftport.report.ReportParts.ResourceGroup;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders a {@link Report} as JUnit XML, the format CI systems show as test results (Jenkins,
 * GitLab, GitHub test reporters). Each check is a test case of class {@code kraftport.<command>};
 * each resource with differences is a test case of class {@code kraftport.topics}, {@code
 * kraftport.subjects} or {@code kraftport.roundtrip}, failing when any of its differences is drift.
 * A report with neither checks nor differences is one passing case, "parity".
 *
 * <p>The output carries no timestamps and no host name, so the same report renders to the same
 * bytes.
 */
public final class JunitXmlReport {
  /** Lists in a failure message are cut here; the failure body lists everything. */
  private static final int MESSAGE_ITEMS = 5;

  private JunitXmlReport() {}

  /**
   * One {@code <testcase>}, decided before writing so the suite's counts come first and are right.
   */
  private record Case(
      String classname,
      String name,
      String failureMessage,
      String failureType,
      String failureBody,
      String out) {
    boolean failed() {
      return failureMessage != null;
    }
  }

  public static String render(Report report) {
    List<Case> cases = cases(report);
    int failures = (int) cases.stream().filter(Case::failed).count();
    StringWriter sw = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
      w.writeStartDocument("UTF-8", "1.0");
      // A <testsuites> root: some readers (dorny/test-reporter, Bamboo) reject a bare <testsuite>.
      indent(w, 0);
      w.writeStartElement("testsuites");
      w.writeAttribute("name", "kraftport");
      counts(w, cases.size(), failures);
      indent(w, 1);
      w.writeStartElement("testsuite");
      w.writeAttribute("name", "kraftport " + report.command());
      counts(w, cases.size(), failures);
      properties(w, report);
      for (Case c : cases) {
        testcase(w, c);
      }
      indent(w, 1);
      w.writeEndElement();
      indent(w, 0);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return sw + "\n";
  }

  private static List<Case> cases(Report report) {
    List<Case> cases = new ArrayList<>();
    for (CheckResult check : report.checks()) {
      cases.add(check(report, check));
    }
    for (ResourceGroup g : ReportParts.byResource(report.differences())) {
      cases.add(resource(g));
    }
    if (cases.isEmpty()) {
      cases.add(
          new Case(
              "kraftport." + report.command(),
              "parity",
              null,
              null,
              null,
              ReportParts.headline(report) + "\nno differences\n"));
    }
    return cases;
  }

  private static Case check(Report report, CheckResult check) {
    String classname = "kraftport." + report.command();
    String details = check.details().isEmpty() ? "" : String.join("\n", check.details()) + "\n";
    if (check.passed()) {
      return new Case(classname, check.name(), null, null, null, check.summary() + "\n" + details);
    }
    return new Case(
        classname,
        check.name(),
        check.summary(),
        "check",
        details.isEmpty() ? check.summary() + "\n" : details,
        null);
  }

  private static Case resource(ResourceGroup g) {
    String classname = "kraftport." + g.area();
    String out =
        g.expected().isEmpty()
            ? null
            : g.expected().stream()
                .map(
                    d ->
                        ReportParts.statusLabel(d.status()) + ": " + ReportParts.sentence(d) + "\n")
                .collect(Collectors.joining());
    List<Difference> drift = g.drift();
    if (drift.isEmpty()) {
      return new Case(classname, g.resource(), null, null, null, out);
    }
    List<String> fields = drift.stream().map(ReportParts::what).toList();
    String message =
        "drift in "
            + String.join(", ", fields.subList(0, Math.min(MESSAGE_ITEMS, fields.size())))
            + (fields.size() > MESSAGE_ITEMS
                ? " and " + (fields.size() - MESSAGE_ITEMS) + " more"
                : "");
    String body =
        drift.stream().map(d -> ReportParts.sentence(d) + "\n").collect(Collectors.joining());
    return new Case(classname, g.resource(), message, "drift", body, out);
  }

  private static void counts(XMLStreamWriter w, int tests, int failures) throws XMLStreamException {
    w.writeAttribute("tests", Integer.toString(tests));
    w.writeAttribute("failures", Integer.toString(failures));
    w.writeAttribute("errors", "0");
    w.writeAttribute("skipped", "0");
    // A fixed duration: some readers need the attribute, and a measured one would change every run.
    w.writeAttribute("time", "0");
  }

  private static void properties(XMLStreamWriter w, Report report) throws XMLStreamException {
    indent(w, 2);
    w.writeStartElement("properties");
    property(w, "verdict", report.verdict());
    property(w, "source", report.source());
    property(w, "target", report.target());
    for (Map.Entry<String, Integer> e : report.counts().entrySet()) {
      property(w, "count." + e.getKey(), Integer.toString(e.getValue()));
    }
    for (Map.Entry<String, Long> e : report.summary().entrySet()) {
      property(w, "differences." + e.getKey(), Long.toString(e.getValue()));
    }
    indent(w, 2);
    w.writeEndElement();
  }

  private static void property(XMLStreamWriter w, String name, String value)
      throws XMLStreamException {
    indent(w, 3);
    w.writeEmptyElement("property");
    w.writeAttribute("name", attribute(name));
    w.writeAttribute("value", attribute(value == null ? "" : value));
  }

  private static void testcase(XMLStreamWriter w, Case c) throws XMLStreamException {
    indent(w, 2);
    boolean empty = !c.failed() && c.out() == null;
    if (empty) {
      w.writeEmptyElement("testcase");
    } else {
      w.writeStartElement("testcase");
    }
    w.writeAttribute("classname", attribute(c.classname()));
    w.writeAttribute("name", attribute(c.name()));
    w.writeAttribute("time", "0");
    if (empty) {
      return;
    }
    if (c.failed()) {
      indent(w, 3);
      w.writeStartElement("failure");
      w.writeAttribute("message", attribute(c.failureMessage()));
      w.writeAttribute("type", c.failureType());
      w.writeCharacters(text(c.failureBody()));
      w.writeEndElement();
    }
    if (c.out() != null) {
      indent(w, 3);
      w.writeStartElement("system-out");
      w.writeCharacters(text(c.out()));
      w.writeEndElement();
    }
    indent(w, 2);
    w.writeEndElement();
  }

  private static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(depth));
  }

  /**
   * An attribute on one line: the writer escapes markup but leaves line breaks raw, which parsers
   * turn into spaces anyway; doing it here keeps what readers show and what the file says the same.
   */
  private static String attribute(String s) {
    return text(s).replaceAll("[\\r\\n\\t]+", " ");
  }

  /**
   * Text XML 1.0 can hold: the writer escapes markup but would pass control characters through and
   * make the file unreadable, so they become U+FFFD.
   */
  private static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(allowed(cp) ? cp : 0xFFFD));
    return sb.toString();
  }

  private static boolean allowed(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
