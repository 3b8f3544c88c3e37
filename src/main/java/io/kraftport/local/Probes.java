package io.kraftport.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Readiness checks that speak each server's own protocol, beyond an open port. */
final class Probes {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private Probes() {}

  /** ZooKeeper's {@code srvr} four-letter command answers with its mode once it serves requests. */
  static boolean zooKeeperServes(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(FreePorts.loopback(), port), 1000);
      socket.setSoTimeout(2000);
      socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      try (InputStream in = socket.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII).contains("Mode: ");
      }
    }
  }

  /** An HTTP GET answers 200. */
  static boolean httpOk(String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }

  /**
   * A Kafka probe: the cluster's metadata lists at least one broker. It holds one Admin across
   * polls (made lazily, so polling a closed port does not fill the log with connection errors) and
   * must be closed.
   */
  static final class KafkaProbe implements ManagedProcess.Probe, AutoCloseable {
    private final String bootstrap;
    private final Map<String, Object> extra;
    private final int port;
    private Admin admin;

    KafkaProbe(String bootstrap, int port, Map<String, Object> extra) {
      this.bootstrap = bootstrap;
      this.port = port;
      this.extra = extra;
    }

    @Override
    public boolean ready() throws Exception {
      if (admin == null) {
        if (!FreePorts.isOpen(port)) {
          return false;
        }
        admin = Admin.create(adminConfig(bootstrap, extra));
      }
      return !admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
          .nodes()
          .get(4, TimeUnit.SECONDS)
          .isEmpty();
    }

    @Override
    public void close() {
      if (admin != null) {
        admin.close(Duration.ofSeconds(2));
      }
    }
  }

  static Properties adminConfig(String bootstrap, Map<String, Object> extra) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "kraftport-readiness");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
    props.putAll(extra);
    return props;
  }
}
