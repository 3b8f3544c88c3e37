package io.kraftport.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.gate.PrometheusText.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusTextTest {
  @Test
  void readsSamplesLabelsEscapesAndSpecialValues() {
    List<Sample> samples =
        PrometheusText.parse(
            """
        # HELP kafka_network_requestmetrics_count Attribute exposed for management
        # TYPE kafka_network_requestmetrics_count untyped
        kafka_network_requestmetrics_count{name="DeprecatedRequestsPerSec",request="Produce",version="2",} 7.0
        jvm_up 1 1700000000000
        odd{path="C:\\\\dir",quote="say \\"hi\\"",nl="a\\nb"} NaN

        neg_inf -Inf
        sci 1.5e3
        """,
            "http://b-1:11001/metrics");
    assertThat(samples)
        .containsExactly(
            new Sample(
                "kafka_network_requestmetrics_count",
                Map.of("name", "DeprecatedRequestsPerSec", "request", "Produce", "version", "2"),
                7.0),
            new Sample("jvm_up", Map.of(), 1.0),
            new Sample(
                "odd", Map.of("path", "C:\\dir", "quote", "say \"hi\"", "nl", "a\nb"), Double.NaN),
            new Sample("neg_inf", Map.of(), Double.NEGATIVE_INFINITY),
            new Sample("sci", Map.of(), 1500.0));
  }

  @Test
  void labelsAreFoundWithoutCaseOrUnderscores() {
    Sample s = new Sample("m", Map.of("client_software_name", "librdkafka"), 1);
    assertThat(s.label("clientSoftwareName")).isEqualTo("librdkafka");
    assertThat(s.label("request")).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<html><body>502 Bad Gateway</body></html>",
        "metric",
        "metric{a=\"1\" 2",
        "metric{a=1} 2",
        "metric{a=\"1\",a=\"2\"} 3",
        "metric 1d",
        "metric Infinity",
        "metric 1 2 3",
        "metric{a=\"x\\q\"} 1",
        "metric 1 notatime",
      })
  void anythingElseIsRejectedWithItsLine(String line) {
    assertThatThrownBy(
            () -> PrometheusText.parse("ok 1\n" + line + "\n", "http://b-1:11001/metrics"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "http://b-1:11001/metrics: not the Prometheus text format at line 2: ");
  }
}
