package io.kraftport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.report.ReportWriter.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  @Test
  void writesEachFormatAskedFor() throws Exception {
    Path json = dir.resolve("out/r.json");
    Path xml = dir.resolve("out/r.xml");
    Path md = dir.resolve("r.md");
    Path html = dir.resolve("r.html");
    Report report = ReportFixtures.closedGate();
    assertThat(ReportWriter.of(json, xml, md, html).write(report))
        .containsExactly(json, xml, md, html);
    assertThat(Files.readString(json)).isEqualTo(JsonReports.toJson(report));
    assertThat(Files.readString(xml)).isEqualTo(JunitXmlReport.render(report));
    assertThat(Files.readString(md)).isEqualTo(MarkdownReport.render(report));
    assertThat(Files.readString(html)).isEqualTo(HtmlReport.render(report));
    // Nothing left behind by the atomic writes.
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files).containsExactlyInAnyOrder(json, xml);
    }
  }

  @Test
  void skipsFormatsWithoutAPath() {
    Path md = dir.resolve("r.md");
    ReportWriter writer = ReportWriter.of(null, null, md, null);
    assertThat(writer.files()).containsOnlyKeys(Format.MARKDOWN);
    assertThat(writer.write(ReportFixtures.parity())).containsExactly(md);
    assertThat(ReportWriter.of(null, null, null, null).isEmpty()).isTrue();
  }

  @Test
  void refusesTwoFormatsInOneFile() {
    assertThatThrownBy(() -> ReportWriter.of(dir.resolve("r"), null, dir.resolve("./r"), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("JSON and MARKDOWN reports would both be written to");
  }
}
