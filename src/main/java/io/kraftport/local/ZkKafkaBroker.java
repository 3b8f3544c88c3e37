package io.kraftport.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A single ZooKeeper-mode Kafka broker (3.x) on 127.0.0.1 with one PLAINTEXT listener, the stand-in
 * for the cluster being migrated away from. Its znodes live under a chroot of its own, so several
 * brokers can share a ZooKeeper. Its metrics are on JMX and, when started with the Prometheus JMX
 * exporter agent, also on an HTTP metrics page with MSK-style rules ({@code jmx-exporter.yaml}), as
 * AWS MSK's open monitoring serves them.
 */
public final class ZkKafkaBroker implements LocalServer {
  private final ManagedProcess process;
  private final String name;
  private final int port;
  private final int jmxPort;
  private final Optional<Integer> metricsPort;
  private final String zooKeeperConnect;

  private ZkKafkaBroker(
      ManagedProcess process,
      String name,
      int port,
      int jmxPort,
      Optional<Integer> metricsPort,
      String zooKeeperConnect) {
    this.process = process;
    this.name = name;
    this.port = port;
    this.jmxPort = jmxPort;
    this.metricsPort = metricsPort;
    this.zooKeeperConnect = zooKeeperConnect;
  }

  /**
   * Starts a broker against {@code zooKeeper} without a metrics page and waits until its metadata
   * lists it.
   */
  public static ZkKafkaBroker start(Installation kafka, ZooKeeperNode zooKeeper, Duration timeout) {
    return start(kafka, zooKeeper, Optional.empty(), timeout);
  }

  /**
   * Starts a broker against {@code zooKeeper}, with the Prometheus JMX exporter {@code agent} when
   * one is given, and waits until its metadata lists it.
   */
  public static ZkKafkaBroker start(
      Installation kafka, ZooKeeperNode zooKeeper, Optional<Installation> agent, Duration timeout) {
    if (kafka.distribution().kind() != Distribution.Kind.KAFKA_ZOOKEEPER) {
      throw new IllegalArgumentException(kafka.distribution() + " is not a ZooKeeper-mode Kafka");
    }
    String name = kafka.distribution().name();
    List<String> cache =
        StartupCache.options(
            ServerJvms.startupCacheDir(kafka),
            JavaRuntimes.current(),
            "broker",
            option ->
                Launch.withPortRetry(
                        name,
                        () ->
                            attempt(
                                kafka,
                                name + "-training",
                                zooKeeper,
                                agent,
                                timeout,
                                List.of(option)))
                    .process
                    .close(ServerJvms.TRAINING_STOP_GRACE));
    return Launch.withPortRetry(name, () -> attempt(kafka, name, zooKeeper, agent, timeout, cache));
  }

  private static ZkKafkaBroker attempt(
      Installation kafka,
      String name,
      ZooKeeperNode zooKeeper,
      Optional<Installation> agent,
      Duration timeout,
      List<String> extraOptions) {
    int port = FreePorts.next();
    int jmxPort = FreePorts.next();
    Optional<Integer> metricsPort = agent.map(a -> FreePorts.next());
    Path dir = Dirs.newDataDir(name);
    List<String> agentOptions = new ArrayList<>();
    if (agent.isPresent()) {
      Path rules = dir.resolve("jmx-exporter.yaml");
      copyRules(rules);
      // Bound to loopback only: the agent's host:port:config form.
      agentOptions.add(
          "-javaagent:"
              + agent.get().agentJar()
              + "=127.0.0.1:"
              + metricsPort.get()
              + ":"
              + rules.toAbsolutePath());
    }
    // A fresh chroot per attempt: a broker that died half-registered leaves znodes behind.
    String connect =
        zooKeeper.connectString() + "/kraftport-" + UUID.randomUUID().toString().substring(0, 8);
    Path config =
        KafkaLogging.writeConfig(
            dir.resolve("server.properties"),
            List.of(
                "broker.id=0",
                "listeners=PLAINTEXT://127.0.0.1:" + port,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "zookeeper.connect=" + connect,
                "log.dirs=" + dir.resolve("logs").toAbsolutePath(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                // The default 128 MB offset map does not fit the small heap; the cleaner would die
                // at start.
                "log.cleaner.dedupe.buffer.size=16777216"));
    JvmCommand command =
        JvmCommand.mainClass(JavaRuntimes.current(), kafka.classpath(), "kafka.Kafka")
            .withOptions(ServerJvms.kafkaHeapOptions())
            .withOptions(KafkaLogging.configure(Distribution.Kind.KAFKA_ZOOKEEPER, dir))
            .withOptions(extraOptions.toArray(String[]::new))
            .withOptions(agentOptions.toArray(String[]::new))
            // JMX on loopback, so the gate can read the deprecated-request metrics as it would on a
            // real broker.
            .withOptions(
                "-Dcom.sun.management.jmxremote",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false")
            .withArguments(config.toAbsolutePath().toString());
    ManagedProcess process = ManagedProcess.start(name, command, dir);
    String bootstrap = "127.0.0.1:" + port;
    try (Probes.KafkaProbe probe = new Probes.KafkaProbe(bootstrap, port, Map.of())) {
      process.awaitReady(timeout, "the broker to serve metadata on " + bootstrap, probe);
    } catch (RuntimeException e) {
      throw Launch.failed(process, e);
    }
    return new ZkKafkaBroker(process, name, port, jmxPort, metricsPort, connect);
  }

  private static void copyRules(Path to) {
    try (InputStream in = ZkKafkaBroker.class.getResourceAsStream("jmx-exporter.yaml")) {
      if (in == null) {
        throw new IllegalStateException("jmx-exporter.yaml is missing from the classpath");
      }
      Files.copy(in, to);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + to, e);
    }
  }

  /** {@code 127.0.0.1:port} of the PLAINTEXT listener. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** {@code 127.0.0.1:port} of the broker's JMX (RMI) agent. */
  public String jmxAddress() {
    return "127.0.0.1:" + jmxPort;
  }

  /**
   * {@code http://127.0.0.1:port/metrics}, the JMX exporter's page; throws when started without the
   * agent.
   */
  public String metricsUrl() {
    return "http://127.0.0.1:"
        + metricsPort.orElseThrow(
            () -> new IllegalStateException(name + " runs without the Prometheus JMX exporter"))
        + "/metrics";
  }

  /** The broker's {@code zookeeper.connect}, chroot included. */
  public String zooKeeperConnect() {
    return zooKeeperConnect;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Integer> ports() {
    List<Integer> ports = new ArrayList<>(List.of(port, jmxPort));
    metricsPort.ifPresent(ports::add);
    return List.copyOf(ports);
  }

  @Override
  public ManagedProcess process() {
    return process;
  }

  @Override
  public String toString() {
    return name + " (ZooKeeper mode) at " + bootstrapServers();
  }
}
