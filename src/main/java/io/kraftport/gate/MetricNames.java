package io.kraftport.gate;

import io.kraftport.gate.PrometheusText.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the two client metrics the gate needs among the samples of a Prometheus JMX exporter,
 * whatever its rules called them. Exporter rules rename beans (MSK's lower-case and join them), so
 * a sample is matched on what survives every rule set: names and label keys are compared
 * lower-cased with {@code _ - . :} removed.
 *
 * <ul>
 *   <li>KIP-896's {@code kafka.network:type=RequestMetrics,name=DeprecatedRequestsPerSec} counter:
 *       a sample whose name contains {@code deprecatedrequestspersec} or {@code
 *       deprecatedrequests}, or whose {@code name} label is {@code DeprecatedRequestsPerSec}; whose
 *       name ends with {@code count} or {@code total} (the meter's {@code Count}, not its rates);
 *       and with the labels {@code request}, {@code version}, {@code clientSoftwareName} and {@code
 *       clientSoftwareVersion}. Examples: {@code
 *       kafka_network_requestmetrics_count{name="DeprecatedRequestsPerSec",request="Produce",...}},
 *       {@code kafka_network_requestmetrics_deprecatedrequestspersec_total{...}}.
 *   <li>KIP-511's {@code
 *       kafka.server:type=socket-server-metrics,clientSoftwareName=...,clientSoftwareVersion=...}
 *       attribute {@code connections}: a sample whose name ends with {@code connections}, with the
 *       labels {@code clientSoftwareName} and {@code clientSoftwareVersion} and without {@code
 *       request}. Example: {@code
 *       kafka_server_socket_server_metrics_connections{clientSoftwareName="apache-kafka-java",...}}.
 * </ul>
 */
public final class MetricNames {
  private MetricNames() {}

  /**
   * Requests in removed versions, per client software and request version, as one broker counted
   * them.
   */
  public record DeprecatedUse(
      String clientName, String clientVersion, String request, String version, long count) {}

  /** Connections open now, per client software. */
  public record ClientConnections(String clientName, String clientVersion, long count) {}

  /**
   * {@code s} lower-cased, without {@code _ - . :}: the part of a name every exporter rule keeps.
   */
  static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[_\\-.:]", "");
  }

  public static List<DeprecatedUse> deprecatedUses(List<Sample> samples) {
    List<DeprecatedUse> out = new ArrayList<>();
    for (Sample s : samples) {
      String name = normalize(s.name());
      String beanName = s.label("name");
      boolean deprecated =
          name.contains("deprecatedrequests")
              || (beanName != null && normalize(beanName).equals("deprecatedrequestspersec"));
      if (!deprecated || !(name.endsWith("count") || name.endsWith("total"))) {
        continue;
      }
      String client = s.label("clientSoftwareName");
      String clientVersion = s.label("clientSoftwareVersion");
      String request = s.label("request");
      String version = s.label("version");
      if (client == null || clientVersion == null || request == null || version == null) {
        continue;
      }
      out.add(new DeprecatedUse(client, clientVersion, request, version, count(s.value())));
    }
    return List.copyOf(out);
  }

  public static List<ClientConnections> connections(List<Sample> samples) {
    List<ClientConnections> out = new ArrayList<>();
    for (Sample s : samples) {
      String client = s.label("clientSoftwareName");
      String clientVersion = s.label("clientSoftwareVersion");
      if (normalize(s.name()).endsWith("connections")
          && client != null
          && clientVersion != null
          && s.label("request") == null) {
        out.add(new ClientConnections(client, clientVersion, count(s.value())));
      }
    }
    return List.copyOf(out);
  }

  /** A counter or gauge as a whole number; NaN (an exporter's "no value") is 0. */
  private static long count(double value) {
    return Double.isNaN(value) ? 0 : (long) value;
  }
}
