package io.kraftport.kafka;

import io.kraftport.InvalidInputException;
import io.kraftport.config.SideConfig;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/** Builds Admin clients for a side, with every call bounded by the command's timeout. */
public final class KafkaAdmins {
  private KafkaAdmins() {}

  /** A connected side: the Admin client and what to call the cluster in messages. */
  public record Connection(Admin admin, ClusterEndpoint endpoint) implements AutoCloseable {
    @Override
    public void close() {
      admin.close(Duration.ofSeconds(5));
    }
  }

  public static Connection connect(SideConfig side, Duration timeout) {
    String bootstrap =
        side.bootstrapServers()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "no "
                            + side.side()
                            + " cluster given: set "
                            + side.side()
                            + ".bootstrap.servers in --config or pass --"
                            + side.side()
                            + "-bootstrap-server"));
    ClusterEndpoint endpoint = new ClusterEndpoint(side.side(), bootstrap, timeout);
    Properties props = side.kafkaProperties();
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "kraftport-" + side.side());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(ms));
    props.putIfAbsent(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(ms, 30_000)));
    // Kafka retries a failed bootstrap connection with exponential backoff; keep the steps short so
    // a timeout ends
    // a call instead of a long backoff.
    props.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    try {
      return new Connection(Admin.create(props), endpoint);
    } catch (KafkaException e) {
      throw KafkaErrors.invalidClientConfig(endpoint, e);
    }
  }
}
