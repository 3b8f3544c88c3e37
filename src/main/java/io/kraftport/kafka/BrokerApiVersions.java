package io.kraftport.kafka;

import io.kraftport.KraftportException;
import io.kraftport.UnreachableException;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.DefaultHostResolver;
import org.apache.kafka.clients.ManualMetadataUpdater;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.NetworkClientUtils;
import org.apache.kafka.clients.NodeApiVersions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;

/**
 * The request versions a cluster's brokers accept, as their own ApiVersions answers say (what
 * {@code kafka-broker-api-versions.sh} prints). A version counts as accepted only when every broker
 * accepts it. The connection is made with the side's full client settings (TLS, SASL, IAM), like
 * the Admin client's.
 */
public final class BrokerApiVersions {
  /** The versions of one request the cluster accepts, {@code min} to {@code max}. */
  public record Range(int min, int max) {
    public boolean accepts(int version) {
      return version >= min && version <= max;
    }

    @Override
    public String toString() {
      return "v" + min + "-v" + max;
    }
  }

  private BrokerApiVersions() {}

  /**
   * What every broker of the connected cluster accepts, or empty when it cannot be read (the gate
   * then counts every deprecated request, as without a target).
   */
  public static Optional<Map<String, Range>> tryRead(
      Properties clientProperties, Admin admin, ClusterEndpoint endpoint) {
    try {
      Collection<Node> nodes =
          KafkaErrors.await(admin.describeCluster().nodes(), endpoint, "list the brokers");
      return Optional.of(read(clientProperties, nodes, endpoint));
    } catch (KraftportException | KafkaException e) {
      return Optional.empty();
    }
  }

  /**
   * Per request name as the broker metrics spell it ({@code JoinGroup}), the versions all of {@code
   * nodes} accept.
   */
  public static Map<String, Range> read(
      Properties clientProperties, Collection<Node> nodes, ClusterEndpoint endpoint) {
    Map<String, Range> out = new TreeMap<>();
    boolean first = true;
    for (Node node : nodes) {
      Map<String, Range> one = read(clientProperties, node, endpoint);
      if (first) {
        out.putAll(one);
        first = false;
      } else {
        // Only what every broker accepts: a client may be routed to any of them.
        out.keySet().retainAll(one.keySet());
        out.replaceAll(
            (name, r) ->
                new Range(
                    Math.max(r.min(), one.get(name).min()),
                    Math.min(r.max(), one.get(name).max())));
      }
    }
    return Map.copyOf(out);
  }

  /**
   * Corrects what a Kafka 4 broker advertises but refuses: it still lists Produce from v0 (so that
   * librdkafka keeps compressing, KAFKA-18659) yet answers v0-v2 with UNSUPPORTED_VERSION
   * (KIP-896). A broker is taken for Kafka 4 when it no longer accepts Fetch v3, which KIP-896
   * removed with Produce v0-v2.
   */
  static Map<String, Range> refusedThoughAdvertised(Map<String, Range> advertised) {
    Range fetch = advertised.get(ApiKeys.FETCH.name);
    Range produce = advertised.get(ApiKeys.PRODUCE.name);
    if (fetch == null || produce == null || fetch.min() <= 3 || produce.min() >= 3) {
      return advertised;
    }
    Map<String, Range> out = new TreeMap<>(advertised);
    out.put(ApiKeys.PRODUCE.name, new Range(3, produce.max()));
    return out;
  }

  private static Map<String, Range> read(
      Properties clientProperties, Node node, ClusterEndpoint endpoint) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.putIfAbsent(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, node.host() + ":" + node.port());
    AdminClientConfig config = new AdminClientConfig(props);
    ApiVersions apiVersions = new ApiVersions();
    Time time = Time.SYSTEM;
    long timeoutMs = endpoint.timeout().toMillis();
    try (Metrics metrics = new Metrics(time);
        NetworkClient client =
            ClientUtils.createNetworkClient(
                config,
                "kraftport-api-versions",
                metrics,
                "kraftport-api-versions",
                new LogContext(),
                apiVersions,
                time,
                1,
                (int) Math.min(Integer.MAX_VALUE, timeoutMs),
                new ManualMetadataUpdater(java.util.List.of(node)),
                new DefaultHostResolver())) {
      if (!NetworkClientUtils.awaitReady(client, node, time, timeoutMs)) {
        throw new UnreachableException(
            where(endpoint, node)
                + " did not answer ApiVersions within "
                + endpoint.timeout().toSeconds()
                + " s");
      }
      NodeApiVersions versions = apiVersions.get(node.idString());
      if (versions == null) {
        throw new UnreachableException(
            endpoint + ": broker " + node.idString() + " sent no ApiVersions");
      }
      Map<String, Range> out = new TreeMap<>();
      for (Map.Entry<ApiKeys, ApiVersion> e : versions.allSupportedApiVersions().entrySet()) {
        out.put(e.getKey().name, new Range(e.getValue().minVersion(), e.getValue().maxVersion()));
      }
      return refusedThoughAdvertised(out);
    } catch (AuthenticationException e) {
      throw KafkaErrors.translate(e, endpoint, "read ApiVersions");
    } catch (IOException e) {
      throw new UnreachableException(where(endpoint, node) + ": " + e.getMessage(), e);
    }
  }

  /** "target cluster (...): broker 1 at host:port", for messages. */
  private static String where(ClusterEndpoint endpoint, Node node) {
    return endpoint + ": broker " + node.idString() + " at " + node.host() + ":" + node.port();
  }
}
