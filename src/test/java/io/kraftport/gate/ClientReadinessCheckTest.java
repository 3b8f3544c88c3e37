package io.kraftport.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kraftport.kafka.BrokerApiVersions;
import io.kraftport.kafka.ClusterEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clients-ready check over Prometheus pages served by a real local HTTP server. */
class ClientReadinessCheckTest {
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private HttpServer server;
  private final ClientReadinessCheck check =
      new ClientReadinessCheck(
          null, new ClusterEndpoint("source", "127.0.0.1:1", Duration.ofSeconds(10)));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String page = pages.get(exchange.getRequestURI().getPath());
          byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void aDeprecatedRequestOnAnyBrokerFailsTheCheckNamingTheClient() {
    pages.put(
        "/b1",
        "kafka_network_requestmetrics_count{name=\"DeprecatedRequestsPerSec\",request=\"Produce\","
            + "version=\"2\",clientSoftwareName=\"apache-kafka-java\",clientSoftwareVersion=\"0.10.0.1\"} 0\n");
    pages.put(
        "/b2",
        "kafka_network_requestmetrics_count{name=\"DeprecatedRequestsPerSec\",request=\"Produce\","
            + "version=\"2\",clientSoftwareName=\"apache-kafka-java\",clientSoftwareVersion=\"0.10.0.1\"} 4\n");
    CheckResult r = check.run(List.of(), List.of(url("/b1"), url("/b2")), false);
    assertThat(r.passed()).isFalse();
    assertThat(r.summary())
        .isEqualTo(
            "1 clients use request versions Kafka 4 removed: upgrade them before cutover"
                + " (2 brokers read over Prometheus)");
    assertThat(r.details())
        .containsExactly(
            "apache-kafka-java 0.10.0.1 (Produce v2): 4 requests in removed versions",
            "client apache-kafka-java 0.10.0.1: 0 connections; not ready: Produce v2; below the Kafka 4 minimum 2.1 of"
                + " Java kafka-clients (also Streams, Connect) (Kafka 4.0 upgrade notes)");
  }

  @Test
  void aCleanBrokerPassesAndListsTheConnectedClients() {
    pages.put(
        "/metrics",
        "kafka_server_socket_server_metrics_connections{clientSoftwareName=\"apache-kafka-java\","
            + "clientSoftwareVersion=\"4.1.2\",listener=\"PLAINTEXT\",networkProcessor=\"0\"} 2.0\n");
    CheckResult r = check.run(List.of(), List.of(url("/metrics")), false);
    assertThat(r.passed()).isTrue();
    assertThat(r.summary())
        .isEqualTo(
            "no client used a request version Kafka 4 removed (1 broker read over"
                + " Prometheus)");
    assertThat(r.details())
        .containsExactly(
            "client apache-kafka-java 4.1.2: 2 connections; at or above the Kafka 4"
                + " minimum 2.1 of Java kafka-clients (also Streams, Connect) (Kafka 4.0 upgrade notes)");
  }

  @Test
  void aPageThatIsNotMetricsOrNotThereFailsTheCheckInsteadOfPassing() {
    pages.put("/proxy", "<html>login</html>\n");
    CheckResult r = check.run(List.of(), List.of(url("/proxy"), url("/missing")), false);
    assertThat(r.passed()).isFalse();
    assertThat(r.summary())
        .isEqualTo("could not read the deprecated-request metrics of every broker");
    assertThat(r.details())
        .containsExactly(
            url("/proxy") + ": not the Prometheus text format at line 1: no metric name",
            url("/missing") + ": HTTP 404 instead of a metrics page");
  }

  private static String deprecated(
      String client, String version, String request, int requestVersion, int count) {
    return "kafka_network_requestmetrics_count{name=\"DeprecatedRequestsPerSec\",request=\""
        + request
        + "\",version=\""
        + requestVersion
        + "\",clientSoftwareName=\""
        + client
        + "\",clientSoftwareVersion=\""
        + version
        + "\"} "
        + count
        + "\n";
  }

  @Test
  void aRequestVersionTheTargetStillAcceptsDoesNotCloseTheGate() {
    // KAFKA-19444: a 3.7+ source counts JoinGroup v1 as deprecated, yet Kafka 4.0.1+ accepts it
    // again.
    pages.put("/metrics", deprecated("kafka-go", "0.4.47", "JoinGroup", 1, 6));
    Map<String, BrokerApiVersions.Range> target =
        Map.of(
            "JoinGroup",
            new BrokerApiVersions.Range(0, 9),
            "Produce",
            new BrokerApiVersions.Range(3, 12));
    CheckResult r = check.run(List.of(), List.of(url("/metrics")), false, Optional.of(target));
    assertThat(r.passed()).isTrue();
    assertThat(r.summary())
        .isEqualTo(
            "every request version the clients used is one the target accepts (1 broker"
                + " read over Prometheus)");
    assertThat(r.details())
        .containsExactly(
            "kafka-go 0.4.47 (JoinGroup v1): the target accepts JoinGroup v0-v9 (6 requests)",
            "client kafka-go 0.4.47: 0 connections; below the Kafka 4 minimum 0.4.48 of segmentio/kafka-go"
                + " (segmentio/kafka-go#1384, #1378; 0.4.47 fails JoinGroup v1)");
  }

  @Test
  void aRequestVersionTheTargetRefusesClosesItAndSaysSo() {
    pages.put(
        "/metrics",
        deprecated("kafka-go", "0.4.47", "JoinGroup", 1, 6)
            + deprecated("apache-kafka-java", "2.0.1", "Produce", 2, 3));
    Map<String, BrokerApiVersions.Range> target =
        Map.of(
            "JoinGroup",
            new BrokerApiVersions.Range(2, 9),
            "Produce",
            new BrokerApiVersions.Range(3, 12));
    CheckResult r = check.run(List.of(), List.of(url("/metrics")), false, Optional.of(target));
    assertThat(r.passed()).isFalse();
    assertThat(r.details())
        .containsExactly(
            "apache-kafka-java 2.0.1 (Produce v2): 3 requests in removed versions, refused by the target",
            "kafka-go 0.4.47 (JoinGroup v1): 6 requests in removed versions, refused by the target",
            "client apache-kafka-java 2.0.1: 0 connections; not ready: Produce v2; below the Kafka 4 minimum 2.1 of"
                + " Java kafka-clients (also Streams, Connect) (Kafka 4.0 upgrade notes)",
            "client kafka-go 0.4.47: 0 connections; not ready: JoinGroup v1; below the Kafka 4 minimum 0.4.48 of"
                + " segmentio/kafka-go (segmentio/kafka-go#1384, #1378; 0.4.47 fails JoinGroup v1)");
  }

  @Test
  void aPasswordInTheUrlNeverReachesTheResult() {
    String withPassword =
        "http://user:s3cret@127.0.0.1:" + server.getAddress().getPort() + "/missing";
    CheckResult r = check.run(List.of(), List.of(withPassword), false);
    assertThat(r.passed()).isFalse();
    assertThat(String.join("\n", r.details()))
        .doesNotContain("s3cret")
        .doesNotContain("user")
        .contains("HTTP 404");
  }
}
