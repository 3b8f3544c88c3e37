package io.kraftport.gate;

import io.kraftport.kafka.ClusterEndpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Whether the clients of the old cluster can talk to Kafka 4. Where the source brokers' JMX is reachable it reads
 * {@code kafka.network:type=RequestMetrics,name=DeprecatedRequestsPerSec} (Kafka 3.7+), which counts requests in
 * versions Kafka 4 removed (KIP-896) per client software name and version: any count is a client that will fail.
 * Without JMX nothing is measured: the consumer groups' client ids and hosts are listed to check by hand, and the
 * check fails unless the user accepts that explicitly.
 */
public final class ClientReadinessCheck {
  public static final String NAME = "clients-ready";
  static final String METRIC = "kafka.network:type=RequestMetrics,name=DeprecatedRequestsPerSec,*";

  private final Admin admin;
  private final ClusterEndpoint endpoint;

  public ClientReadinessCheck(Admin admin, ClusterEndpoint endpoint) {
    this.admin = admin;
    this.endpoint = endpoint;
  }

  public CheckResult run(List<String> jmxAddresses, boolean acceptUnmeasured) {
    if (jmxAddresses.isEmpty()) {
      List<String> clients = consumerClients();
      if (acceptUnmeasured) {
        return CheckResult.pass(NAME, "not measured (--skip-client-check): check these clients by hand",
            clients);
      }
      return CheckResult.fail(NAME, "not measured: pass --source-jmx HOST:PORT to read the brokers'"
          + " deprecated-request metrics, or --skip-client-check to check these clients by hand", clients);
    }
    Map<String, Long> deprecated = new TreeMap<>();
    List<String> unreachable = new ArrayList<>();
    for (String address : jmxAddresses) {
      try {
        readDeprecatedRequests(address, deprecated);
      } catch (IOException | javax.management.JMException | SecurityException e) {
        unreachable.add(address + ": cannot read JMX: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    if (!unreachable.isEmpty()) {
      return CheckResult.fail(NAME, "could not read the deprecated-request metrics of every broker", unreachable);
    }
    if (deprecated.isEmpty()) {
      return CheckResult.pass(NAME, "no client used a request version Kafka 4 removed (" + jmxAddresses.size()
          + (jmxAddresses.size() == 1 ? " broker" : " brokers") + " read over JMX)", List.of());
    }
    List<String> details = new ArrayList<>();
    deprecated.forEach((client, count) -> details.add(client + ": " + count + " requests in removed versions"));
    return CheckResult.fail(NAME, deprecated.size() + " clients use request versions Kafka 4 removed: upgrade"
        + " them before cutover", details);
  }

  static void readDeprecatedRequests(String address, Map<String, Long> into) throws IOException,
      javax.management.JMException {
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi");
    try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
      MBeanServerConnection server = connector.getMBeanServerConnection();
      Set<ObjectName> names = server.queryNames(new ObjectName(METRIC), null);
      for (ObjectName name : names) {
        Object count = server.getAttribute(name, "Count");
        long n = count instanceof Number num ? num.longValue() : 0;
        if (n > 0) {
          String client = name.getKeyProperty("clientSoftwareName") + " "
              + name.getKeyProperty("clientSoftwareVersion") + " (" + name.getKeyProperty("request") + " v"
              + name.getKeyProperty("version") + ")";
          into.merge(client, n, Long::sum);
        }
      }
    }
  }

  private List<String> consumerClients() {
    Set<String> out = new TreeSet<>();
    ConsumerGroups.describe(admin, endpoint, Pattern.compile(".*")).forEach((g, d) -> {
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
