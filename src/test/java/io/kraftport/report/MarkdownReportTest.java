package io.kraftport.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  /**
   * The cells of a table row, split on the pipes GFM splits on: those not escaped by a backslash.
   */
  static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length()) {
        cell.append(c).append(row.charAt(++i));
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    return cells;
  }

  @Test
  void theVerdictComesFirst() {
    assertThat(MarkdownReport.render(ReportFixtures.parity()))
        .startsWith("## ✅ kraftport diff: PARITY\n");
    assertThat(MarkdownReport.render(ReportFixtures.closedGate()))
        .startsWith("## ❌ kraftport gate: CLOSED\n");
    assertThat(MarkdownReport.render(ReportFixtures.diffWithDrift()))
        .startsWith("## ❌ kraftport diff: DIFFERENCES\n");
  }

  @Test
  void driftComesBeforeTranslatedAndAccepted() {
    String md = MarkdownReport.render(ReportFixtures.diffWithDrift());
    assertThat(md.indexOf("### Drift (3)"))
        .isPositive()
        .isLessThan(md.indexOf("### Translated (2)"));
    assertThat(md.indexOf("### Translated (2)")).isLessThan(md.indexOf("### Accepted (1)"));
  }

  @Test
  void specialCharactersNeitherBreakTablesNorBecomeMarkup() {
    String md = MarkdownReport.render(ReportFixtures.nasty());
    assertThat(md).doesNotContain("<script>", "a<b>", "&c").contains("a\\<b\\>&amp;c", "&amp;lt;");
    List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
    // Checks: header, rule, two checks; each difference table: header, rule, one row.
    assertThat(rows).hasSize(4 + 3 + 3);
    for (String row : rows.subList(0, 4)) {
      assertThat(cells(row)).as(row).hasSize(4);
    }
    for (String row : rows.subList(4, rows.size())) {
      assertThat(cells(row)).as(row).hasSize(6);
    }
    assertThat(rows.get(2)).contains("a\\<b\\>&amp;c\"d'e\\|f<br>g\\`h\\*i\\_j\\[k\\](l)\\\\m");
    // The details of a check are one cell, a line break each.
    assertThat(cells(rows.get(2)).get(3)).contains("<br>");
    assertThat(md.lines().filter(l -> l.startsWith("- **Source:**")).findFirst().orElseThrow())
        .endsWith("\\|f g\\`h\\*i\\_j\\[k\\](l)\\\\m \\<script\\>alert(1)\\</script\\> &amp;lt;");
  }

  @Test
  void longValuesAreShortenedWhereTheyDiffer() {
    String prefix = "x".repeat(200);
    Report report =
        ReportFixtures.diff(
            "s",
            "t",
            Map.of(),
            List.of(
                Difference.drift(
                    Kind.SCHEMA_TEXT,
                    "s-value/1",
                    "schema",
                    prefix + "ALPHA" + "y".repeat(100),
                    prefix + "BETA")));
    String row =
        MarkdownReport.render(report)
            .lines()
            .filter(l -> l.startsWith("| schema text"))
            .findFirst()
            .orElseThrow();
    List<String> cells = cells(row);
    assertThat(cells.get(3))
        .startsWith("…")
        .contains("ALPHA")
        .endsWith("…")
        .hasSize(MarkdownReport.MAX_VALUE);
    assertThat(cells.get(4)).startsWith("…").endsWith("BETA");
  }

  @Test
  void longTablesAreCutWithANote() {
    List<Difference> many = new ArrayList<>();
    for (int i = 0; i < MarkdownReport.MAX_ROWS + 5; i++) {
      many.add(
          Difference.drift(
              Kind.TOPIC_MISSING, String.format("t%03d", i), null, "present", "missing"));
    }
    String md = MarkdownReport.render(ReportFixtures.diff("s", "t", Map.of(), many));
    assertThat(md.lines().filter(l -> l.startsWith("| topic missing")))
        .hasSize(MarkdownReport.MAX_ROWS);
    assertThat(md).contains("### Drift (105)", "…and 5 more drift differences");
  }
}
