package io.kraftport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {
  @TempDir Path dir;

  /** What one run of the command line printed and returned. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        KraftportCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err), args)
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"export", "import", "diff", "gate", "clients", "demo"})
  void everyCommandHasHelpWithExamples(String command) {
    Run r = run(command, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: kraftport " + command).contains("Examples:");
  }

  @Test
  void clientsWithoutAMetricsSourceIsInvalidInput() {
    Run r = run("clients", "--source-bootstrap-server", "127.0.0.1:9");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("pass --source-jmx HOST:PORT or --source-metrics-url URL");
  }

  @Test
  void rootHelpListsCommandsAndExitCodes() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("export", "import", "diff", "Exit codes:", "3  a cluster or registry");
  }

  @Test
  void anUnknownFlagIsExit2WithOneLine() {
    Run r = run("export", "--no-such-flag");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).startsWith("kraftport: error: Unknown option: '--no-such-flag'");
  }

  @Test
  void aBadRegexIsExit2() {
    Run r = run("diff", "--include", "([", "--source-snapshot", "a", "--target-snapshot", "b");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("--include");
  }

  @Test
  void aMalformedSnapshotIsExit2NamingThePlace() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"formatVersion\":1,\"cluster\":{\"clusterId\":\"x\",\"brokerCount\":1},"
            + "\"topics\":[{\"name\":\"t\",\"partitions\":-1,\"replicationFactor\":1}]}");
    Run r = run("diff", "--source-snapshot", bad.toString(), "--target-snapshot", bad.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "kraftport: error: " + bad + ": topics[0].partitions: must be at least 1," + " was -1");
  }

  @Test
  void diffOfTwoSnapshotsReportsDriftWithExit1AndWritesJson() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    String base =
        "{\"formatVersion\":1,\"cluster\":{\"clusterId\":\"x\",\"brokerCount\":1},\"topics\":"
            + "[{\"name\":\"t\",\"partitions\":%d,\"replicationFactor\":1}]}";
    Files.writeString(a, String.format(base, 3));
    Files.writeString(b, String.format(base, 6));
    Path json = dir.resolve("report.json");
    Run r =
        run(
            "diff",
            "--source-snapshot",
            a.toString(),
            "--target-snapshot",
            b.toString(),
            "--report-json",
            json.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(r.out()).contains("DRIFT", "PARTITIONS", "Verdict: DIFFERENCES");
    assertThat(Files.readString(json))
        .contains("\"verdict\" : \"DIFFERENCES\"", "\"expected\" : \"3\"", "\"actual\" : \"6\"");
    Run same = run("diff", "--source-snapshot", a.toString(), "--target-snapshot", a.toString());
    assertThat(same.code()).isZero();
    assertThat(same.out()).contains("Verdict: PARITY");
  }

  @Test
  void anUnreachableClusterIsExit3NamingTheAddress() {
    Run r = run("export", "--source-bootstrap-server", "127.0.0.1:1", "--timeout", "2s");
    assertThat(r.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(r.err()).contains("kraftport: error: source cluster (127.0.0.1:1)");
  }

  @Test
  void aMissingSideIsExit2() {
    Run r = run("export");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("no source cluster given");
  }
}
