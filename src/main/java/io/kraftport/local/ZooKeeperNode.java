package io.kraftport.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A standalone ZooKeeper on 127.0.0.1, run from the jars of a ZooKeeper-mode Kafka installation
 * (which bring ZooKeeper), for a {@link ZkKafkaBroker} to use.
 */
public final class ZooKeeperNode implements LocalServer {
  private final ManagedProcess process;
  private final int port;

  private ZooKeeperNode(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts ZooKeeper and waits until it answers {@code srvr}. */
  public static ZooKeeperNode start(Installation kafka, Duration timeout) {
    if (kafka.distribution().kind() != Distribution.Kind.KAFKA_ZOOKEEPER) {
      throw new IllegalArgumentException(kafka.distribution() + " does not bring ZooKeeper");
    }
    return Launch.withPortRetry("zookeeper", () -> attempt(kafka, timeout));
  }

  private static ZooKeeperNode attempt(Installation kafka, Duration timeout) {
    int port = FreePorts.next();
    Path dir = Dirs.newDataDir("zookeeper");
    Path config =
        KafkaLogging.writeConfig(
            dir.resolve("zoo.cfg"),
            List.of(
                "dataDir=" + dir.resolve("data").toAbsolutePath(),
                "clientPort=" + port,
                "clientPortAddress=127.0.0.1",
                "tickTime=2000",
                "maxClientCnxns=0",
                // The admin server would take port 8080; the four-letter "srvr" is what the
                // readiness check uses.
                "admin.enableServer=false",
                "4lw.commands.whitelist=srvr,ruok",
                ""));
    JvmCommand command =
        JvmCommand.mainClass(
                JavaRuntimes.current(),
                kafka.classpath(),
                "org.apache.zookeeper.server.ZooKeeperServerMain")
            .withOptions(
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                KafkaLogging.configure(Distribution.Kind.KAFKA_ZOOKEEPER, dir))
            .withArguments(config.toAbsolutePath().toString());
    ManagedProcess process = ManagedProcess.start("zookeeper", command, dir);
    process.stopLast();
    try {
      process.awaitReady(
          timeout,
          "ZooKeeper to serve on port " + port,
          () -> FreePorts.isOpen(port) && Probes.zooKeeperServes(port));
    } catch (RuntimeException e) {
      throw Launch.failed(process, e);
    }
    return new ZooKeeperNode(process, port);
  }

  /** {@code 127.0.0.1:port}, without a chroot. */
  public String connectString() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public String name() {
    return "zookeeper";
  }

  @Override
  public List<Integer> ports() {
    return List.of(port);
  }

  @Override
  public ManagedProcess process() {
    return process;
  }

  @Override
  public String toString() {
    return "zookeeper at " + connectString();
  }
}
