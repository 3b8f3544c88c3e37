package io.kraftport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the HTML report of a closed gate in headless Chromium: the rendered DOM shows the verdict
 * and proves the filter script ran, the screenshot is a real page, and with scripts blocked the
 * table is still all there. Fails, rather than skips, without Chromium: a skipped browser test
 * reads as a passed one in a CI summary.
 *
 * <p>The screenshot is kept as {@code target/report-screenshots/gate-closed.png} for a human to
 * look at.
 */
@Tag("integration")
class HtmlReportBrowserIT {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("kraftport.chromium", "/usr/bin/chromium"));
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  @BeforeAll
  static void requireChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          "headless Chromium not found at "
              + CHROMIUM
              + ": install the Debian package chromium"
              + " (apt-get install -y chromium), or pass -Dkraftport.chromium=/path/to/chromium");
    }
  }

  /** What one run of Chromium printed. */
  record Run(String out, String err) {}

  @Test
  void theRenderedPageShowsTheVerdictAndTheFilterScriptRan() throws Exception {
    Path page = page(HtmlReport.render(ReportFixtures.closedGate()));
    // The filter state comes from the address: only the accepted difference should be left visible.
    String dom = chromium("--dump-dom", page.toUri() + "#status=ACCEPTED").out();
    assertThat(dom)
        .contains("kraftport gate: CLOSED</h1>", "consumer lag drained", "2 partitions still lag");
    assertThat(dom)
        .contains(
            "data-script=\"ran\"", "1 of 2 shown", "<div class=\"controls\" id=\"controls\">");
    assertThat(row(dom, "TRANSLATED")).contains("hidden=");
    assertThat(row(dom, "ACCEPTED")).doesNotContain("hidden=");
    // The sort buttons are made by the script too.
    assertThat(dom).contains("<button type=\"button\" title=\"Sort by Status\">Status</button>");
  }

  @Test
  void clickingAHeaderSortsTheDifferences() throws Exception {
    // Headless Chromium cannot click from the command line: a script added to a copy of the page
    // does.
    String clickResourceTwice =
        "<script>var b = document.querySelectorAll('#differences th button')[2];"
            + " b.click(); b.click();</script>\n</body>";
    Path page =
        page(
            HtmlReport.render(ReportFixtures.diffWithDrift())
                .replace("</body>", clickResourceTwice));
    String dom = chromium("--dump-dom", page.toUri().toString()).out();
    assertThat(dom)
        .contains(
            "<th aria-sort=\"descending\"><button type=\"button\" title=\"Sort by Resource\">");
    // Descending by resource; rows of one resource keep their order (drift first).
    Matcher m =
        Pattern.compile(
                "<tr data-status=\"(\\w+)\"[^>]*>(?:<td[^>]*>.*?</td>){2}<td>([^<]*)</td>"
                    + "<td>([^<]*)</td>")
            .matcher(dom);
    List<String> rows = new ArrayList<>();
    while (m.find()) {
      rows.add(m.group(2) + " " + m.group(3) + " " + m.group(1));
    }
    assertThat(rows)
        .containsExactly(
            "payments-value/2 schema DRIFT",
            "payments replicationFactor ACCEPTED",
            "orders partitions DRIFT",
            "orders retention.ms DRIFT",
            "orders message.format.version TRANSLATED",
            "audit message.downconversion.enable TRANSLATED");
  }

  @Test
  void theScreenshotIsAPageWithAFailBanner() throws Exception {
    Path page = page(HtmlReport.render(ReportFixtures.closedGate()));
    Path png = dir.resolve("gate-closed.png");
    chromium("--screenshot=" + png, "--window-size=1280,900", page.toUri().toString());
    assertThat(png).exists();
    assertThat(Files.size(png)).as("PNG size").isGreaterThan(10_000);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("decodable PNG").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(900);
    assertThat(colours(image)).as("distinct colours").isGreaterThan(20);
    // The banner across the top is the fail red (#cf222e).
    int banner = image.getRGB(10, 10);
    assertThat((banner >> 16) & 0xff).as("red").isGreaterThan(170);
    assertThat((banner >> 8) & 0xff).as("green").isLessThan(80);
    assertThat(banner & 0xff).as("blue").isLessThan(80);
    Path kept = Path.of("target", "report-screenshots", "gate-closed.png");
    Files.createDirectories(kept.getParent());
    Files.copy(png, kept, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void withScriptsBlockedTheTableIsStillComplete() throws Exception {
    // Blocking the page's script through its own policy is what a reader with JavaScript off gets;
    // turning
    // scripts off in headless Chromium would also stop --dump-dom, which runs on them.
    String html = HtmlReport.render(ReportFixtures.closedGate());
    assertThat(html).contains("script-src 'unsafe-inline'");
    Path page = page(html.replace("script-src 'unsafe-inline'", "script-src 'none'"));
    String dom = chromium("--dump-dom", page.toUri().toString()).out();
    assertThat(dom).contains("kraftport gate: CLOSED</h1>").doesNotContain("data-script=");
    assertThat(row(dom, "TRANSLATED")).contains("message.format.version").doesNotContain("hidden=");
    assertThat(row(dom, "ACCEPTED"))
        .contains("capped by --replication-factor 1")
        .doesNotContain("hidden=");
    assertThat(dom).contains("<div class=\"controls\" id=\"controls\" hidden=");
  }

  private Path page(String html) throws IOException {
    Path page = dir.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return page;
  }

  /** Runs headless Chromium with a fresh profile and nothing that reaches the network. */
  private Run chromium(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Path err = Files.createTempFile(dir, "chromium", ".err");
    // Output to files: Chromium logs a lot on stderr, and a full pipe would stall it.
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      fail("chromium did not finish in " + TIMEOUT_SECONDS + "s: " + command + "\n" + tail(err));
    }
    if (p.exitValue() != 0) {
      fail("chromium exited with " + p.exitValue() + ": " + command + "\n" + tail(err));
    }
    return new Run(Files.readString(out), Files.readString(err));
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** The one table row for a status in a dumped DOM. */
  private static String row(String dom, String status) {
    int start = dom.indexOf("<tr data-status=\"" + status + "\"");
    assertThat(start).as("row " + status).isNotNegative();
    return dom.substring(start, dom.indexOf("</tr>", start));
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
