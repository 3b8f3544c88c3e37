package io.kraftport.local;

import io.kraftport.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka cluster (4.x, combined broker and controller) on 127.0.0.1, the
 * stand-in for the cluster being migrated to. It listens on PLAINTEXT and on SASL_PLAINTEXT with
 * SCRAM-SHA-512, where user {@value #ADMIN_USER} has the password the caller chose. There is no
 * authorizer, so both listeners may do everything.
 */
public final class KraftNode implements LocalServer {
  /** The SCRAM user created when the storage is formatted. */
  public static final String ADMIN_USER = "admin";

  public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

  /** Characters that survive both {@code --add-scram}'s and JAAS's quoting, which differ. */
  private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9._~+=-]{8,128}");

  private final ManagedProcess process;
  private final String name;
  private final int plainPort;
  private final int saslPort;
  private final int controllerPort;
  private final String adminPassword;

  private KraftNode(
      ManagedProcess process,
      String name,
      int plainPort,
      int saslPort,
      int controllerPort,
      String adminPassword) {
    this.process = process;
    this.name = name;
    this.plainPort = plainPort;
    this.saslPort = saslPort;
    this.controllerPort = controllerPort;
    this.adminPassword = adminPassword;
  }

  /**
   * Formats the storage (with the SCRAM user), starts the node and waits until its metadata lists
   * the broker and the SASL port accepts connections. {@code adminPassword}: 8 to 128 of {@code A-Z
   * a-z 0-9 . _ ~ + = -}.
   */
  public static KraftNode start(Installation kafka, String adminPassword, Duration timeout) {
    return start(kafka, adminPassword, timeout, List.of());
  }

  /**
   * {@link #start(Installation, String, Duration)} with {@code overrides} ({@code key=value} lines)
   * appended to {@code server.properties}, for a test that needs a broker set up otherwise (a later
   * line wins).
   */
  public static KraftNode start(
      Installation kafka, String adminPassword, Duration timeout, List<String> overrides) {
    if (kafka.distribution().kind() != Distribution.Kind.KAFKA_KRAFT) {
      throw new IllegalArgumentException(kafka.distribution() + " is not a KRaft Kafka");
    }
    requireValidPassword(adminPassword);
    String name = kafka.distribution().name();
    Path cacheDir = ServerJvms.startupCacheDir(kafka);
    List<String> formatCache =
        StartupCache.options(
            cacheDir,
            JavaRuntimes.current(),
            "storage-tool",
            option -> {
              Path dir = Dirs.newDataDir(name + "-training");
              try {
                format(
                    kafka,
                    name,
                    writeConfig(
                        dir, FreePorts.next(), FreePorts.next(), FreePorts.next(), List.of()),
                    adminPassword,
                    timeout,
                    List.of(option));
              } finally {
                Dirs.deleteQuietly(dir);
              }
            });
    List<String> brokerCache =
        StartupCache.options(
            cacheDir,
            JavaRuntimes.current(),
            "broker",
            option ->
                Launch.withPortRetry(
                        name,
                        () ->
                            attempt(
                                kafka,
                                name + "-training",
                                adminPassword,
                                timeout,
                                formatCache,
                                List.of(option),
                                List.of()))
                    .process
                    .close(ServerJvms.TRAINING_STOP_GRACE));
    return Launch.withPortRetry(
        name,
        () -> attempt(kafka, name, adminPassword, timeout, formatCache, brokerCache, overrides));
  }

  static void requireValidPassword(String password) {
    if (password == null || !PASSWORD.matcher(password).matches()) {
      throw new InvalidInputException(
          "the local KRaft admin password must be 8 to 128 characters of A-Z a-z 0-9"
              + " . _ ~ + = -");
    }
  }

  private static KraftNode attempt(
      Installation kafka,
      String name,
      String password,
      Duration timeout,
      List<String> formatOptions,
      List<String> brokerOptions,
      List<String> overrides) {
    int plain = FreePorts.next();
    int sasl = FreePorts.next();
    int controller = FreePorts.next();
    Path dir = Dirs.newDataDir(name);
    Path config;
    try {
      config = writeConfig(dir, plain, sasl, controller, overrides);
      format(kafka, name, config, password, timeout, formatOptions);
    } catch (RuntimeException e) {
      Dirs.deleteQuietly(dir);
      throw e;
    }
    JvmCommand command =
        JvmCommand.mainClass(JavaRuntimes.current(), kafka.classpath(), "kafka.Kafka")
            .withOptions(ServerJvms.kafkaHeapOptions())
            .withOptions(KafkaLogging.configure(Distribution.Kind.KAFKA_KRAFT, dir))
            .withOptions(brokerOptions.toArray(String[]::new))
            .withArguments(config.toAbsolutePath().toString());
    ManagedProcess process = ManagedProcess.start(name, command, dir);
    String bootstrap = "127.0.0.1:" + plain;
    try (Probes.KafkaProbe probe = new Probes.KafkaProbe(bootstrap, plain, Map.of())) {
      process.awaitReady(
          timeout,
          "the broker to serve metadata on " + bootstrap + " and SASL on port " + sasl,
          () -> probe.ready() && FreePorts.isOpen(sasl));
    } catch (RuntimeException e) {
      throw Launch.failed(process, e);
    }
    return new KraftNode(process, name, plain, sasl, controller, password);
  }

  /** Writes {@code server.properties} into {@code dir}; the data goes to {@code dir/logs}. */
  private static Path writeConfig(
      Path dir, int plain, int sasl, int controller, List<String> overrides) {
    List<String> lines =
        new java.util.ArrayList<>(
            List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:"
                    + plain
                    + ",SASL_PLAINTEXT://127.0.0.1:"
                    + sasl
                    + ",CONTROLLER://127.0.0.1:"
                    + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:"
                    + plain
                    + ",SASL_PLAINTEXT://127.0.0.1:"
                    + sasl,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "sasl.enabled.mechanisms=" + SCRAM_MECHANISM,
                // Server side SCRAM needs only the login module; credentials come from the metadata
                // log.
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                    + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "log.dirs=" + dir.resolve("logs").toAbsolutePath(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                // Commit metadata records at once instead of batching for 25 ms: much quicker topic
                // creation in tests.
                "controller.quorum.append.linger.ms=1",
                // The default 128 MB offset map does not fit the small heap; the cleaner would die
                // at start.
                "log.cleaner.dedupe.buffer.size=16777216"));
    lines.addAll(overrides);
    return KafkaLogging.writeConfig(dir.resolve("server.properties"), lines);
  }

  /** Formats the storage named in {@code config} with a new cluster id and the SCRAM admin user. */
  private static void format(
      Installation kafka,
      String name,
      Path config,
      String password,
      Duration timeout,
      List<String> options) {
    Path dir = config.getParent();
    ManagedProcess.runToCompletion(
        name + " storage format",
        JvmCommand.mainClass(JavaRuntimes.current(), kafka.classpath(), "kafka.tools.StorageTool")
            .withOptions(
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                KafkaLogging.configure(Distribution.Kind.KAFKA_KRAFT, dir))
            .withOptions(options.toArray(String[]::new))
            .withArguments(
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                config.toAbsolutePath().toString(),
                "--add-scram",
                SCRAM_MECHANISM + "=[name=" + ADMIN_USER + ",password=" + password + "]"),
        dir,
        dir.resolve("format.log"),
        timeout);
  }

  /** {@code 127.0.0.1:port} of the PLAINTEXT listener. */
  public String bootstrapServers() {
    return "127.0.0.1:" + plainPort;
  }

  /** {@code 127.0.0.1:port} of the SASL_PLAINTEXT (SCRAM-SHA-512) listener. */
  public String saslBootstrapServers() {
    return "127.0.0.1:" + saslPort;
  }

  public String adminPassword() {
    return adminPassword;
  }

  /**
   * Client settings for {@link #saslBootstrapServers()} as {@value #ADMIN_USER} (bootstrap servers
   * included).
   */
  public Map<String, Object> saslClientConfig() {
    return Map.of(
        "bootstrap.servers",
        saslBootstrapServers(),
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        SCRAM_MECHANISM,
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + ADMIN_USER
            + "\" password=\""
            + adminPassword
            + "\";");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Integer> ports() {
    return List.of(plainPort, saslPort, controllerPort);
  }

  @Override
  public ManagedProcess process() {
    return process;
  }

  @Override
  public String toString() {
    return name + " (KRaft) at " + bootstrapServers() + ", SASL at " + saslBootstrapServers();
  }
}
