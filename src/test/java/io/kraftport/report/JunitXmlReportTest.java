package io.kraftport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlReportTest {
  /** Parses with the JDK's own parser, as strict as CI readers are about well-formedness. */
  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> elements(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  static Stream<Arguments> counts() {
    return Stream.of(
        Arguments.of(
            "diff with drift",
            (Supplier<Report>) ReportFixtures::diffWithDrift,
            4,
            2,
            List.of(
                "kraftport.topics/audit",
                "kraftport.topics/orders",
                "kraftport.topics/payments",
                "kraftport.subjects/payments-value/2")),
        Arguments.of(
            "parity",
            (Supplier<Report>) ReportFixtures::parity,
            1,
            0,
            List.of("kraftport.diff/parity")),
        Arguments.of(
            "closed gate",
            (Supplier<Report>) ReportFixtures::closedGate,
            4,
            1,
            List.of(
                "kraftport.gate/consumer lag drained",
                "kraftport.gate/target healthy",
                "kraftport.topics/orders",
                "kraftport.topics/payments")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("counts")
  void parsesWithOneSuiteAndTheRightCounts(
      String name, Supplier<Report> report, int tests, int failures, List<String> cases)
      throws Exception {
    Document doc = parse(JunitXmlReport.render(report.get()));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    List<Element> suites = elements(root, "testsuite");
    assertThat(suites).hasSize(1);
    Element suite = suites.get(0);
    assertThat(suite.getAttribute("name")).isEqualTo("kraftport " + report.get().command());
    List<Element> testcases = elements(suite, "testcase");
    assertThat(testcases)
        .extracting(e -> e.getAttribute("classname") + "/" + e.getAttribute("name"))
        .containsExactlyElementsOf(cases);
    long failed = testcases.stream().filter(e -> !elements(e, "failure").isEmpty()).count();
    assertThat(failed).isEqualTo(failures);
    for (Element counted : List.of(root, suite)) {
      assertThat(counted.getAttribute("tests")).isEqualTo(Integer.toString(tests));
      assertThat(counted.getAttribute("failures")).isEqualTo(Integer.toString(failures));
      assertThat(counted.getAttribute("errors")).isEqualTo("0");
    }
    assertThat(testcases).hasSize(tests);
  }

  @Test
  void aDriftingResourceFailsListingEveryDriftingFieldAndShowsWhatWasExpected() throws Exception {
    Element orders =
        elements(
                parse(JunitXmlReport.render(ReportFixtures.diffWithDrift())).getDocumentElement(),
                "testcase")
            .stream()
            .filter(e -> e.getAttribute("name").equals("orders"))
            .findFirst()
            .orElseThrow();
    Element failure = elements(orders, "failure").get(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("drift in partitions, config retention.ms");
    assertThat(failure.getTextContent())
        .isEqualTo(
            "partitions: expected 6, actual 3\n"
                + "config retention.ms: expected 604800000, actual 86400000\n");
    assertThat(elements(orders, "system-out").get(0).getTextContent())
        .startsWith(
            "translated: config message.format.version: expected 2.8-IV1, actual (dropped)");
  }

  @Test
  void aFailedCheckFailsWithItsSummaryAndDetails() throws Exception {
    Element check =
        elements(
                parse(JunitXmlReport.render(ReportFixtures.closedGate())).getDocumentElement(),
                "testcase")
            .get(0);
    Element failure = elements(check, "failure").get(0);
    assertThat(failure.getAttribute("message")).isEqualTo("2 partitions still lag");
    assertThat(failure.getTextContent()).contains("orders-0: lag 120", "orders-2: lag 7");
  }

  @Test
  void escapesEverythingAndReadsBackTheSameText() throws Exception {
    String xml = JunitXmlReport.render(ReportFixtures.nasty());
    assertThat(xml).doesNotContain("<script>", "a<b>", "&c\"").contains("a&lt;b&gt;&amp;c");
    Element root = parse(xml).getDocumentElement();
    List<Element> testcases = elements(root, "testcase");
    assertThat(testcases).hasSize(3);
    // Attributes hold one line: the line break becomes a space, everything else survives as
    // written.
    String oneLine = ReportFixtures.NASTY.replace('\n', ' ');
    assertThat(testcases.get(0).getAttribute("name")).isEqualTo(oneLine);
    assertThat(elements(testcases.get(0), "failure").get(0).getAttribute("message"))
        .isEqualTo(oneLine);
    assertThat(elements(testcases.get(0), "failure").get(0).getTextContent())
        .isEqualTo(ReportFixtures.NASTY + "\n" + ReportFixtures.NASTY + "\n");
    Element resource = testcases.get(2);
    assertThat(resource.getAttribute("name")).isEqualTo(oneLine);
    assertThat(elements(resource, "failure").get(0).getTextContent())
        .contains(ReportFixtures.NASTY);
    assertThat(elements(resource, "system-out").get(0).getTextContent()).contains("actual (none)");
  }

  @Test
  void controlCharactersXmlCannotHoldAreReplacedSoTheFileStillParses() throws Exception {
    Report report = ReportFixtures.diff("a\u0000b", "c\u001bd\ud800", Map.of(), List.of());
    Element root = parse(JunitXmlReport.render(report)).getDocumentElement();
    assertThat(elements(root, "property").get(1).getAttribute("value")).isEqualTo("a\ufffdb");
    assertThat(elements(root, "property").get(2).getAttribute("value")).isEqualTo("c\ufffdd\ufffd");
  }
}
