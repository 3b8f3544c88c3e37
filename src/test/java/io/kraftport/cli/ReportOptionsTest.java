package io.kraftport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOptionsTest {
  @TempDir Path dir;

  private int run(String... args) {
    StringWriter out = new StringWriter();
    return KraftportCommand.newCommandLine(
            new PrintWriter(out), new PrintWriter(new StringWriter()), args)
        .execute(args);
  }

  @Test
  void diffWritesEveryReportFormatAskedFor() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    String base =
        "{\"formatVersion\":1,\"cluster\":{\"clusterId\":\"x\",\"brokerCount\":1},\"topics\":"
            + "[{\"name\":\"t\",\"partitions\":%d,\"replicationFactor\":1}]}";
    Files.writeString(a, String.format(base, 3));
    Files.writeString(b, String.format(base, 6));
    Path reports = dir.resolve("reports");
    int code =
        run(
            "diff",
            "--source-snapshot",
            a.toString(),
            "--target-snapshot",
            b.toString(),
            "--report-json",
            reports.resolve("d.json").toString(),
            "--report-junit",
            reports.resolve("d.xml").toString(),
            "--report-md",
            reports.resolve("d.md").toString(),
            "--report-html",
            reports.resolve("d.html").toString());
    assertThat(code).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(Files.readString(reports.resolve("d.json")))
        .contains("\"verdict\" : \"DIFFERENCES\"");
    assertThat(Files.readString(reports.resolve("d.xml")))
        .contains("<testcase classname=\"kraftport.topics\" name=\"t\"", "drift in partitions");
    assertThat(Files.readString(reports.resolve("d.md")))
        .startsWith("## ❌ kraftport diff: DIFFERENCES");
    assertThat(Files.readString(reports.resolve("d.html")))
        .contains("kraftport diff: DIFFERENCES</h1>");
  }

  @Test
  void twoReportsIntoOneFileIsInvalidInput() throws Exception {
    Path a = dir.resolve("a.json");
    Files.writeString(
        a,
        "{\"formatVersion\":1,\"cluster\":{\"clusterId\":\"x\",\"brokerCount\":1},\"topics\":[]}");
    Path same = dir.resolve("r");
    assertThat(
            run(
                "diff",
                "--source-snapshot",
                a.toString(),
                "--target-snapshot",
                a.toString(),
                "--report-json",
                same.toString(),
                "--report-md",
                same.toString()))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(same).doesNotExist();
  }
}
