package io.kraftport.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.gate.MetricNames.ClientConnections;
import io.kraftport.gate.MetricNames.DeprecatedUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricNamesTest {
  private static final String TAGS =
      "request=\"Produce\",version=\"2\",clientSoftwareName=\"apache-kafka-java\",clientSoftwareVersion=\"0.10.0.1\"";

  /**
   * The same meter as different exporter rule sets name it: the count is found, the rates are not.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        // The exporter's default naming (domain_type_attribute, the other keys as labels),
        // lower-cased.
        "kafka_network_requestmetrics_count{name=\"DeprecatedRequestsPerSec\"," + TAGS + "} 5.0",
        // Without lowercaseOutputName.
        "kafka_network_RequestMetrics_Count{name=\"DeprecatedRequestsPerSec\"," + TAGS + "} 5",
        // Bean names joined into the metric name, as MSK-style rules do, with and without the 1.x
        // _total suffix.
        "kafka_network_requestmetrics_deprecatedrequestspersec_count{" + TAGS + "} 5",
        "kafka_network_requestmetrics_deprecatedrequestspersec_total{" + TAGS + "} 5",
        // Label names rewritten to snake case.
        "kafka_network_requestmetrics_deprecatedrequests_total{request=\"Produce\",version=\"2\","
            + "client_software_name=\"apache-kafka-java\",client_software_version=\"0.10.0.1\"} 5",
      })
  void findsTheDeprecatedRequestCounterUnderAnyRuleSet(String line) {
    assertThat(MetricNames.deprecatedUses(PrometheusText.parse(line, "test")))
        .containsExactly(new DeprecatedUse("apache-kafka-java", "0.10.0.1", "Produce", "2", 5));
  }

  @Test
  void ratesOtherRequestMetricsAndIncompleteLabelsAreNotCounts() {
    String page =
        String.join(
            "\n",
            "kafka_network_requestmetrics_oneminuterate{name=\"DeprecatedRequestsPerSec\","
                + TAGS
                + "} 0.2",
            "kafka_network_requestmetrics_meanrate{name=\"DeprecatedRequestsPerSec\","
                + TAGS
                + "} 0.2",
            "kafka_network_requestmetrics_count{name=\"RequestsPerSec\"," + TAGS + "} 900",
            "kafka_network_requestmetrics_count{name=\"DeprecatedRequestsPerSec\",request=\"Produce\"} 3");
    assertThat(MetricNames.deprecatedUses(PrometheusText.parse(page, "test"))).isEmpty();
  }

  @Test
  void findsTheKip511ConnectionGauges() {
    String page =
        String.join(
            "\n",
            "kafka_server_socket_server_metrics_connections{clientSoftwareName=\"apache-kafka-java\","
                + "clientSoftwareVersion=\"3.9.2\",listener=\"PLAINTEXT\",networkProcessor=\"0\",} 2.0",
            "kafka_server_socketservermetrics_connections{client_software_name=\"librdkafka\","
                + "client_software_version=\"1.8.2\",listener=\"PLAINTEXT\",network_processor=\"1\"} 1",
            // Same group, no client tags: the per-listener total, not an inventory row.
            "kafka_server_socket_server_metrics_connection_count{listener=\"PLAINTEXT\",networkProcessor=\"0\"} 3",
            "kafka_server_socket_server_metrics_connection_creation_total{listener=\"PLAINTEXT\"} 9");
    assertThat(MetricNames.connections(PrometheusText.parse(page, "test")))
        .containsExactly(
            new ClientConnections("apache-kafka-java", "3.9.2", 2),
            new ClientConnections("librdkafka", "1.8.2", 1));
  }
}
