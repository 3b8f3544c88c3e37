package io.kraftport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void escapesTheFiveCharactersThatMatter() {
    assertThat(HtmlReport.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThat(HtmlReport.escape(null)).isEmpty();
  }

  @Test
  void textFromTheReportNeverBecomesMarkup() {
    String html = HtmlReport.render(ReportFixtures.nasty());
    // Only the page's own script element, never the one in the values.
    assertThat(count(html, "<script")).isEqualTo(1);
    assertThat(html)
        .doesNotContain("alert(1)</script>", "a<b>")
        .contains(
            "a&lt;b&gt;&amp;c&quot;d&#39;e|f\ng`h*i_j[k](l)\\m &lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;");
    assertThat(html).contains("<title>kraftport gate: CLOSED</title>");
  }

  @Test
  void isSelfContained() {
    String html = HtmlReport.render(ReportFixtures.closedGate());
    assertThat(html)
        .doesNotContainPattern("(?i)\\b(src|href)\\s*=")
        .doesNotContain("http:", "https:", "@import", "url(", "@font-face", "//fonts.");
    assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none';");
  }

  @Test
  void showsTheVerdictAndPutsDriftFirst() {
    String html = HtmlReport.render(ReportFixtures.diffWithDrift());
    assertThat(html)
        .contains(
            "<header class=\"banner fail\" id=\"verdict\">", "kraftport diff: DIFFERENCES</h1>");
    Matcher m = Pattern.compile("<tr data-status=\"(\\w+)\"").matcher(html);
    StringBuilder order = new StringBuilder();
    while (m.find()) {
      order.append(m.group(1).charAt(0));
    }
    assertThat(order).hasToString("DDDTTA");
    assertThat(HtmlReport.render(ReportFixtures.parity()))
        .contains("<header class=\"banner pass\"", "No differences.")
        .doesNotContain("id=\"differences\"");
  }

  @Test
  void theFilterControlsAreHiddenUntilTheScriptShowsThem() {
    String html = HtmlReport.render(ReportFixtures.closedGate());
    assertThat(html).contains("<div class=\"controls\" id=\"controls\" hidden>");
  }

  private static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }
}
