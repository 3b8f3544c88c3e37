package io.kraftport.gate;

import io.kraftport.KraftportException;
import io.kraftport.gate.MetricNames.ClientConnections;
import io.kraftport.gate.MetricNames.DeprecatedUse;
import io.kraftport.kafka.BrokerApiVersions.Range;
import io.kraftport.kafka.ClusterEndpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * Whether the clients of the old cluster can talk to Kafka 4. It reads the source brokers' {@code
 * kafka.network:type=RequestMetrics,name=DeprecatedRequestsPerSec} (Kafka 3.7+), which counts
 * requests in versions Kafka 4 removed (KIP-896) per client software name and version: any count is
 * a client that will fail. The metrics come over JMX ({@code --source-jmx}) or, where there is no
 * JMX (AWS MSK), from each broker's Prometheus JMX exporter ({@code --source-metrics-url}, matched
 * as {@link MetricNames} describes); either way the KIP-511 connection gauges name the client
 * software connected. Without either nothing is measured: the consumer groups' client ids and hosts
 * are listed to check by hand, and the check fails unless the user accepts that explicitly. Given
 * the request versions the target's brokers accept (their ApiVersions), a deprecated request counts
 * only when the target refuses it: a 3.7+ source counts JoinGroup v0/v1 as deprecated, yet Kafka
 * 4.0.1+ accepts them again (KAFKA-19444).
 */
public final class ClientReadinessCheck {
  public static final String NAME = "clients-ready";
  static final String METRIC = "kafka.network:type=RequestMetrics,name=DeprecatedRequestsPerSec,*";
  static final String CONNECTIONS = "kafka.server:type=socket-server-metrics,*";

  private final Admin admin;
  private final ClusterEndpoint endpoint;

  public ClientReadinessCheck(Admin admin, ClusterEndpoint endpoint) {
    this.admin = admin;
    this.endpoint = endpoint;
  }

  /** Reads JMX only: {@link #run(List, List, boolean)} without metrics URLs. */
  public CheckResult run(List<String> jmxAddresses, boolean acceptUnmeasured) {
    return run(jmxAddresses, List.of(), acceptUnmeasured);
  }

  /**
   * Reads JMX and Prometheus pages; every deprecated request counts (nothing known of the target).
   */
  public CheckResult run(
      List<String> jmxAddresses, List<String> metricsUrls, boolean acceptUnmeasured) {
    return run(jmxAddresses, metricsUrls, acceptUnmeasured, Optional.empty());
  }

  /**
   * Reads JMX and Prometheus pages, and judges each deprecated request against {@code target}, the
   * versions the target accepts per request name, when known.
   */
  public CheckResult run(
      List<String> jmxAddresses,
      List<String> metricsUrls,
      boolean acceptUnmeasured,
      Optional<Map<String, Range>> target) {
    if (jmxAddresses.isEmpty() && metricsUrls.isEmpty()) {
      List<String> clients = consumerClients();
      if (acceptUnmeasured) {
        return CheckResult.pass(
            NAME, "not measured (--skip-client-check): check these clients by hand", clients);
      }
      return CheckResult.fail(
          NAME,
          "not measured: pass --source-jmx HOST:PORT or --source-metrics-url URL to read"
              + " the brokers' deprecated-request metrics, or --skip-client-check to check these clients by hand",
          clients);
    }
    Measurement m = measure(jmxAddresses, metricsUrls);
    List<DeprecatedUse> deprecated = m.deprecated();
    List<String> unreachable = m.unreachable();
    if (!unreachable.isEmpty()) {
      return CheckResult.fail(
          NAME, "could not read the deprecated-request metrics of every broker", unreachable);
    }
    Map<String, Long> refused = new TreeMap<>();
    Map<String, Long> acceptedByTarget = new TreeMap<>();
    for (DeprecatedUse d : deprecated) {
      if (d.count() <= 0) {
        continue;
      }
      String key =
          d.clientName() + " " + d.clientVersion() + " (" + d.request() + " v" + d.version() + ")";
      Optional<Range> range = target.map(t -> t.get(d.request()));
      if (range.isPresent() && ClientInventory.accepts(range.get(), d.version())) {
        acceptedByTarget.merge(
            key + ": the target accepts " + d.request() + " " + range.get(), d.count(), Long::sum);
      } else {
        refused.merge(key, d.count(), Long::sum);
      }
    }
    List<String> inventory =
        ClientInventory.of(m.connected(), deprecated, target, ClientMinimums.standard())
            .rows()
            .stream()
            .map(r -> "client " + r.describe())
            .toList();
    List<String> fine = new ArrayList<>();
    acceptedByTarget.forEach((line, count) -> fine.add(line + " (" + count + " requests)"));
    String read = read(jmxAddresses.size(), metricsUrls.size());
    if (refused.isEmpty()) {
      List<String> details = new ArrayList<>(fine);
      details.addAll(inventory);
      return CheckResult.pass(
          NAME,
          (fine.isEmpty()
                  ? "no client used a request version Kafka 4 removed"
                  : "every request version the clients used is one the target accepts")
              + " ("
              + read
              + ")",
          details);
    }
    List<String> details = new ArrayList<>();
    refused.forEach(
        (client, count) ->
            details.add(
                client
                    + ": "
                    + count
                    + " requests in removed versions"
                    + (target.isPresent() ? ", refused by the target" : "")));
    details.addAll(fine);
    details.addAll(inventory);
    return CheckResult.fail(
        NAME,
        refused.size()
            + " clients use request versions Kafka 4 removed: upgrade"
            + " them before cutover ("
            + read
            + ")",
        details);
  }

  private static String read(int jmx, int prometheus) {
    List<String> parts = new ArrayList<>();
    if (jmx > 0) {
      parts.add(jmx + (jmx == 1 ? " broker" : " brokers") + " read over JMX");
    }
    if (prometheus > 0) {
      parts.add(prometheus + (prometheus == 1 ? " broker" : " brokers") + " read over Prometheus");
    }
    return String.join(", ", parts);
  }

  /**
   * What the brokers reported: removed-version requests, connected client software, and who could
   * not be read.
   */
  public record Measurement(
      List<DeprecatedUse> deprecated, List<ClientConnections> connected, List<String> unreachable) {
    public Measurement {
      deprecated = List.copyOf(deprecated);
      connected = List.copyOf(connected);
      unreachable = List.copyOf(unreachable);
    }
  }

  /**
   * Reads every JMX address and metrics URL; one that cannot be read is listed in {@code
   * unreachable}.
   */
  public Measurement measure(List<String> jmxAddresses, List<String> metricsUrls) {
    List<DeprecatedUse> deprecated = new ArrayList<>();
    List<ClientConnections> connected = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    for (String address : jmxAddresses) {
      try {
        readJmx(address, deprecated, connected);
      } catch (IOException | javax.management.JMException | SecurityException e) {
        unreachable.add(
            address + ": cannot read JMX: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    if (!metricsUrls.isEmpty()) {
      PrometheusScrape scrape = new PrometheusScrape(endpoint.timeout());
      for (String url : metricsUrls) {
        try {
          List<PrometheusText.Sample> samples = scrape.read(url);
          deprecated.addAll(MetricNames.deprecatedUses(samples));
          connected.addAll(MetricNames.connections(samples));
        } catch (KraftportException e) {
          unreachable.add(e.getMessage());
        }
      }
    }
    return new Measurement(deprecated, connected, unreachable);
  }

  static void readJmx(
      String address, List<DeprecatedUse> deprecated, List<ClientConnections> connected)
      throws IOException, javax.management.JMException {
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi");
    try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
      MBeanServerConnection server = connector.getMBeanServerConnection();
      for (ObjectName name : server.queryNames(new ObjectName(METRIC), null)) {
        Object count = server.getAttribute(name, "Count");
        deprecated.add(
            new DeprecatedUse(
                name.getKeyProperty("clientSoftwareName"),
                name.getKeyProperty("clientSoftwareVersion"),
                name.getKeyProperty("request"),
                name.getKeyProperty("version"),
                count instanceof Number n ? n.longValue() : 0));
      }
      for (ObjectName name : server.queryNames(new ObjectName(CONNECTIONS), null)) {
        String client = name.getKeyProperty("clientSoftwareName");
        String version = name.getKeyProperty("clientSoftwareVersion");
        if (client != null && version != null) {
          try {
            Object n = server.getAttribute(name, "connections");
            connected.add(
                new ClientConnections(
                    client, version, n instanceof Number num ? num.longValue() : 0));
          } catch (javax.management.AttributeNotFoundException e) {
            // Another metric of the group with the same tags: the inventory is a by-product, not a
            // reason to fail.
          }
        }
      }
    }
  }

  /** The source's consumer groups' members: client id and host, or "no active members". */
  public List<String> consumerClients() {
    Set<String> out = new TreeSet<>();
    ConsumerGroups.describe(admin, endpoint, Pattern.compile(".*"))
        .forEach(
            (g, d) -> {
              if (d.members().isEmpty()) {
                out.add("group " + g + ": no active members");
              }
              for (MemberDescription m : d.members()) {
                out.add("group " + g + ": client.id " + m.clientId() + " on " + m.host());
              }
            });
    return List.copyOf(out);
  }
}
