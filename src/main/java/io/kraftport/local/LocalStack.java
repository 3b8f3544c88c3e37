package io.kraftport.local;

import io.kraftport.InvalidInputException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole migration scene on 127.0.0.1: a ZooKeeper-mode source cluster (ZooKeeper and one 3.x
 * broker, its metrics also on a Prometheus JMX exporter page as on AWS MSK), a KRaft target (one
 * 4.x node with a SCRAM-SHA-512 listener) and, unless turned off, an empty Apicurio Registry for
 * each side. Independent servers start in parallel; {@link #close()} stops them all and deletes
 * their data.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final Options options;
  private final Installation targetKafka;
  private final Optional<Installation> apicurio;
  private final Optional<Path> registryJavaHome;
  private final ZooKeeperNode zooKeeper;
  private final ZkKafkaBroker source;
  private final KraftNode target;
  private final Optional<ApicurioNode> sourceRegistry;
  private final Optional<ApicurioNode> targetRegistry;
  private final List<LocalServer> extras = new ArrayList<>();
  private boolean closed;

  private LocalStack(
      Options options,
      Installation targetKafka,
      Optional<Installation> apicurio,
      Optional<Path> registryJavaHome,
      ZooKeeperNode zooKeeper,
      ZkKafkaBroker source,
      KraftNode target,
      Optional<ApicurioNode> sourceRegistry,
      Optional<ApicurioNode> targetRegistry) {
    this.options = options;
    this.targetKafka = targetKafka;
    this.apicurio = apicurio;
    this.registryJavaHome = registryJavaHome;
    this.zooKeeper = zooKeeper;
    this.source = source;
    this.target = target;
    this.sourceRegistry = sourceRegistry;
    this.targetRegistry = targetRegistry;
  }

  /** Starts a stack with {@link Options#defaults()}. */
  public static LocalStack start() {
    return start(Options.defaults());
  }

  /**
   * Installs what is missing, starts every server and waits until each answers. When one fails, the
   * others are stopped and the first failure is thrown ({@link io.kraftport.UnreachableException}
   * for a server that does not start, {@link io.kraftport.InvalidInputException} when no Java 21
   * for the registries is found).
   */
  public static LocalStack start(Options options) {
    long t0 = System.nanoTime();
    // Checked first: no point starting anything when the registries cannot run.
    Optional<Path> registryJava =
        options.registries() ? Optional.of(JavaRuntimes.registryJavaHome()) : Optional.empty();
    Duration timeout = options.startTimeout();
    List<LocalServer> started = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "kraftport-local-start");
              t.setDaemon(true);
              return t;
            });
    try {
      var sourceKafka =
          CompletableFuture.supplyAsync(
              () -> install(Distribution.kafka(options.sourceKafkaVersion())), pool);
      var exporter =
          CompletableFuture.supplyAsync(
              () -> install(Distribution.jmxExporterAgent(Distribution.JMX_EXPORTER_VERSION)),
              pool);
      var targetKafka =
          CompletableFuture.supplyAsync(
              () -> install(Distribution.kafka(options.targetKafkaVersion())), pool);
      CompletableFuture<Optional<Installation>> apicurio =
          options.registries()
              ? CompletableFuture.supplyAsync(
                  () -> Optional.of(install(Distribution.apicurio(options.apicurioVersion()))),
                  pool)
              : CompletableFuture.completedFuture(Optional.empty());

      var zooKeeper =
          sourceKafka.thenApplyAsync(
              i -> timed(started, "zookeeper", () -> ZooKeeperNode.start(i, timeout)), pool);
      var source =
          zooKeeper.thenCombineAsync(
              sourceKafka.thenCombine(exporter, List::of),
              (zk, i) ->
                  timed(
                      started,
                      "source " + i.get(0).distribution(),
                      () -> ZkKafkaBroker.start(i.get(0), zk, Optional.of(i.get(1)), timeout)),
              pool);
      var target =
          targetKafka.thenApplyAsync(
              i ->
                  timed(
                      started,
                      "target " + i.distribution(),
                      () -> KraftNode.start(i, options.targetAdminPassword(), timeout)),
              pool);
      var sourceRegistry =
          apicurio.thenApplyAsync(
              i ->
                  i.map(
                      a ->
                          timed(
                              started,
                              "source registry",
                              () -> ApicurioNode.start(a, registryJava.orElseThrow(), timeout))),
              pool);
      var targetRegistry =
          apicurio.thenApplyAsync(
              i ->
                  i.map(
                      a ->
                          timed(
                              started,
                              "target registry",
                              () -> ApicurioNode.start(a, registryJava.orElseThrow(), timeout))),
              pool);

      List<CompletableFuture<?>> all =
          List.of(zooKeeper, source, target, sourceRegistry, targetRegistry);
      awaitAll(all, started);
      LocalStack stack =
          new LocalStack(
              options,
              targetKafka.join(),
              apicurio.join(),
              registryJava,
              zooKeeper.join(),
              source.join(),
              target.join(),
              sourceRegistry.join(),
              targetRegistry.join());
      LOG.info(
          "local stack started in {}: source {}, target {} (SASL {}){}",
          seconds(t0),
          stack.sourceBootstrap(),
          stack.targetBootstrap(),
          stack.targetSaslBootstrap(),
          options.registries()
              ? ", registries " + stack.sourceRegistryUrl() + " and " + stack.targetRegistryUrl()
              : "");
      return stack;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits for every start; if any failed, stops what did start and throws the first failure. */
  private static void awaitAll(List<CompletableFuture<?>> all, List<LocalServer> started) {
    RuntimeException failure = null;
    for (CompletableFuture<?> f : all) {
      try {
        f.get();
      } catch (ExecutionException | CompletionException e) {
        RuntimeException cause = unwrap(e);
        if (failure == null) {
          failure = cause;
        } else if (failure != cause) {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("interrupted while starting the local stack", e);
        break;
      }
    }
    if (failure != null) {
      closeAll(new ArrayList<>(started));
      throw failure;
    }
  }

  private static RuntimeException unwrap(Exception e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
  }

  private static Installation install(Distribution distribution) {
    long t0 = System.nanoTime();
    Installation installation = distribution.install();
    LOG.debug("{} installed at {} ({})", distribution, installation.directory(), seconds(t0));
    return installation;
  }

  private static <T extends LocalServer> T timed(
      List<LocalServer> started, String role, Supplier<T> start) {
    long t0 = System.nanoTime();
    T server = start.get();
    started.add(server);
    LOG.info("started {} ({}) in {}{}", role, server, seconds(t0), memory(server));
    return server;
  }

  private static String seconds(long t0) {
    return String.format("%.1f s", (System.nanoTime() - t0) / 1e9);
  }

  private static String memory(LocalServer server) {
    return server.residentBytes().stream()
        .mapToObj(b -> ", " + (b >> 20) + " MB resident")
        .findFirst()
        .orElse("");
  }

  /**
   * Starts one more empty registry (same version and Java as the stack's); closed with the stack at
   * the latest.
   */
  public ApicurioNode startRegistry() {
    Installation installation;
    synchronized (this) {
      requireOpen();
      installation =
          apicurio.orElseGet(() -> install(Distribution.apicurio(options.apicurioVersion())));
    }
    Path java = registryJavaHome.orElseGet(JavaRuntimes::registryJavaHome);
    ApicurioNode node =
        timed(
            new ArrayList<>(),
            "extra registry",
            () -> ApicurioNode.start(installation, java, options.startTimeout()));
    return keep(node);
  }

  /**
   * Starts one more single-node KRaft cluster like the target; it is closed with the stack at the
   * latest.
   */
  public KraftNode startKraftNode() {
    return startKraftNode(List.of());
  }

  /**
   * {@link #startKraftNode()} with {@code server.properties} overrides ({@code key=value} lines).
   */
  public KraftNode startKraftNode(List<String> overrides) {
    synchronized (this) {
      requireOpen();
    }
    KraftNode node =
        timed(
            new ArrayList<>(),
            "extra KRaft node",
            () ->
                KraftNode.start(
                    targetKafka, options.targetAdminPassword(), options.startTimeout(), overrides));
    return keep(node);
  }

  private <T extends LocalServer> T keep(T server) {
    synchronized (this) {
      if (!closed) {
        extras.add(server);
        return server;
      }
    }
    server.close();
    throw new IllegalStateException(
        "the local stack was closed while " + server.name() + " started");
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the local stack is closed");
    }
  }

  public String sourceBootstrap() {
    return source.bootstrapServers();
  }

  /** The source broker's Prometheus metrics page (the JMX exporter agent, rules as on MSK). */
  public String sourceMetricsUrl() {
    return source.metricsUrl();
  }

  public String targetBootstrap() {
    return target.bootstrapServers();
  }

  public String targetSaslBootstrap() {
    return target.saslBootstrapServers();
  }

  public String targetAdminPassword() {
    return target.adminPassword();
  }

  /**
   * The source registry's Confluent-compatible URL; throws when the stack runs without registries.
   */
  public String sourceRegistryUrl() {
    return sourceRegistry().ccompatUrl();
  }

  /**
   * The target registry's Confluent-compatible URL; throws when the stack runs without registries.
   */
  public String targetRegistryUrl() {
    return targetRegistry().ccompatUrl();
  }

  public ZooKeeperNode zooKeeper() {
    return zooKeeper;
  }

  public ZkKafkaBroker source() {
    return source;
  }

  public KraftNode target() {
    return target;
  }

  public ApicurioNode sourceRegistry() {
    return sourceRegistry.orElseThrow(
        () -> new IllegalStateException("the local stack runs without registries"));
  }

  public ApicurioNode targetRegistry() {
    return targetRegistry.orElseThrow(
        () -> new IllegalStateException("the local stack runs without registries"));
  }

  public Options options() {
    return options;
  }

  /** Every server of the stack, extras included, ZooKeeper first. */
  public synchronized List<LocalServer> servers() {
    List<LocalServer> all = new ArrayList<>(List.of(zooKeeper, source, target));
    sourceRegistry.ifPresent(all::add);
    targetRegistry.ifPresent(all::add);
    all.addAll(extras);
    return List.copyOf(all);
  }

  /**
   * Stops every server (in parallel, ZooKeeper last since the broker needs it to shut down) and
   * deletes their data.
   */
  @Override
  public void close() {
    List<LocalServer> all;
    synchronized (this) {
      if (closed) {
        return;
      }
      all = servers();
      closed = true;
    }
    long t0 = System.nanoTime();
    closeAll(all);
    LOG.info("local stack stopped in {}", seconds(t0));
  }

  private static void closeAll(List<LocalServer> servers) {
    List<LocalServer> first = servers.stream().filter(s -> !(s instanceof ZooKeeperNode)).toList();
    List<LocalServer> last = servers.stream().filter(s -> s instanceof ZooKeeperNode).toList();
    for (List<LocalServer> group : List.of(first, last)) {
      // Own threads, not the common pool: on a 2-core machine that runs one task at a time.
      List<Thread> threads =
          group.stream().map(s -> new Thread(s::close, "kraftport-local-stop")).toList();
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** How to start a {@link LocalStack}. {@link #toString()} leaves the password out. */
  public record Options(
      String sourceKafkaVersion,
      String targetKafkaVersion,
      String apicurioVersion,
      boolean registries,
      String targetAdminPassword,
      Duration startTimeout) {
    public static final String SOURCE_KAFKA_VERSION_PROPERTY =
        "kraftport.local.source.kafka.version";
    public static final String TARGET_KAFKA_VERSION_PROPERTY =
        "kraftport.local.target.kafka.version";
    public static final String APICURIO_VERSION_PROPERTY = "kraftport.local.apicurio.version";
    public static final String DEFAULT_SOURCE_KAFKA_VERSION = "3.9.2";
    public static final String DEFAULT_TARGET_KAFKA_VERSION = "4.0.2";
    public static final String DEFAULT_APICURIO_VERSION = "3.3.3";

    public Options {
      Objects.requireNonNull(sourceKafkaVersion, "sourceKafkaVersion");
      Objects.requireNonNull(targetKafkaVersion, "targetKafkaVersion");
      Objects.requireNonNull(apicurioVersion, "apicurioVersion");
      Objects.requireNonNull(startTimeout, "startTimeout");
      KraftNode.requireValidPassword(targetAdminPassword);
      if (Distribution.kafka(sourceKafkaVersion).kind() != Distribution.Kind.KAFKA_ZOOKEEPER) {
        throw new InvalidInputException(
            "the local source cluster runs in ZooKeeper mode, so it must be Kafka 3.x, not "
                + sourceKafkaVersion);
      }
      if (Distribution.kafka(targetKafkaVersion).kind() != Distribution.Kind.KAFKA_KRAFT) {
        throw new InvalidInputException(
            "the local target cluster runs in KRaft mode, so it must be Kafka 4.x or"
                + " later, not "
                + targetKafkaVersion);
      }
      Distribution.apicurio(apicurioVersion);
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive");
      }
    }

    /**
     * Versions from the system properties ({@value #SOURCE_KAFKA_VERSION_PROPERTY}, {@value
     * #TARGET_KAFKA_VERSION_PROPERTY}, {@value #APICURIO_VERSION_PROPERTY}) or the defaults,
     * registries on, a random admin password, 120 s per server to start (generous: the machine may
     * be busy).
     */
    public static Options defaults() {
      return new Options(
          System.getProperty(SOURCE_KAFKA_VERSION_PROPERTY, DEFAULT_SOURCE_KAFKA_VERSION),
          System.getProperty(TARGET_KAFKA_VERSION_PROPERTY, DEFAULT_TARGET_KAFKA_VERSION),
          System.getProperty(APICURIO_VERSION_PROPERTY, DEFAULT_APICURIO_VERSION),
          true,
          randomPassword(),
          Duration.ofSeconds(120));
    }

    public Options withRegistries(boolean on) {
      return new Options(
          sourceKafkaVersion,
          targetKafkaVersion,
          apicurioVersion,
          on,
          targetAdminPassword,
          startTimeout);
    }

    public Options withTargetAdminPassword(String password) {
      return new Options(
          sourceKafkaVersion,
          targetKafkaVersion,
          apicurioVersion,
          registries,
          password,
          startTimeout);
    }

    public Options withStartTimeout(Duration timeout) {
      return new Options(
          sourceKafkaVersion,
          targetKafkaVersion,
          apicurioVersion,
          registries,
          targetAdminPassword,
          timeout);
    }

    public Options withVersions(String sourceKafka, String targetKafka, String apicurio) {
      return new Options(
          sourceKafka, targetKafka, apicurio, registries, targetAdminPassword, startTimeout);
    }

    static String randomPassword() {
      String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
      SecureRandom random = new SecureRandom();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return sb.toString();
    }

    @Override
    public String toString() {
      return "Options[source Kafka "
          + sourceKafkaVersion
          + ", target Kafka "
          + targetKafkaVersion
          + ", Apicurio "
          + apicurioVersion
          + ", registries "
          + (registries ? "on" : "off")
          + ", start timeout "
          + startTimeout.toSeconds()
          + " s]";
    }
  }
}
