package io.kraftport.local;

import io.kraftport.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A server kraftport can run locally, named by its Maven coordinates: a ZooKeeper-mode Kafka (3.x),
 * a KRaft Kafka (4.x), an Apicurio Registry, or the Prometheus JMX exporter agent a local broker
 * runs with. {@link #install()} resolves it once into {@code $KRAFTPORT_HOME/dist/<name>} and
 * reuses it afterwards.
 */
public final class Distribution {
  /** What a distribution is, which decides its artifacts and how it is laid out and launched. */
  public enum Kind {
    KAFKA_ZOOKEEPER,
    KAFKA_KRAFT,
    APICURIO_REGISTRY,
    /**
     * The Prometheus JMX exporter java agent: one jar, loaded into a broker with {@code
     * -javaagent}.
     */
    JMX_EXPORTER_AGENT
  }

  /** The JMX exporter the local source broker runs with, as MSK's open monitoring does. */
  public static final String JMX_EXPORTER_VERSION = "1.0.1";

  static final String LOG4J2_VERSION = "2.24.3";
  static final String SLF4J_RELOAD4J_VERSION = "1.7.36";

  /**
   * Written last into a finished installation; a directory without it is a leftover and is redone.
   */
  static final String MARKER = "kraftport-distribution.properties";

  private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9A-Za-z-]+)*");

  /**
   * File locks are per process; this keeps two threads of one JVM off the same installation too.
   */
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Kind kind;
  private final String version;
  private final List<String> artifacts;

  private Distribution(Kind kind, String version, List<String> artifacts) {
    this.kind = kind;
    this.version = version;
    this.artifacts = List.copyOf(artifacts);
  }

  /** Apache Kafka {@code version}: ZooKeeper mode for 3.x, KRaft for 4.x and later. */
  public static Distribution kafka(String version) {
    int major = major(version, "Kafka");
    if (major < 3) {
      throw new InvalidInputException(
          "Kafka " + version + " is not supported locally; use 3.x (ZooKeeper) or 4.x");
    }
    String core = "org.apache.kafka:kafka_2.13:" + version;
    if (major == 3) {
      // The broker pom brings no logging binding; without one the broker logs nothing at all.
      return new Distribution(
          Kind.KAFKA_ZOOKEEPER,
          version,
          List.of(core, "org.slf4j:slf4j-reload4j:" + SLF4J_RELOAD4J_VERSION));
    }
    // 4.x still uses slf4j 1.7, hence log4j-slf4j-impl and not log4j-slf4j2-impl.
    return new Distribution(
        Kind.KAFKA_KRAFT,
        version,
        List.of(
            core,
            "org.apache.kafka:kafka-storage:" + version,
            "org.apache.logging.log4j:log4j-slf4j-impl:" + LOG4J2_VERSION,
            "org.apache.logging.log4j:log4j-core:" + LOG4J2_VERSION,
            "org.apache.logging.log4j:log4j-api:" + LOG4J2_VERSION));
  }

  /**
   * Apicurio Registry {@code version} (3.2 or later for a working {@code PUT /mode}), the
   * ready-built app.
   */
  public static Distribution apicurio(String version) {
    major(version, "Apicurio Registry");
    return new Distribution(
        Kind.APICURIO_REGISTRY,
        version,
        List.of("io.apicurio:apicurio-registry-app:" + version + ":tar.gz:all"));
  }

  /**
   * The Prometheus JMX exporter java agent {@code version} (1.0.1 and 0.20.0 are on Maven Central).
   */
  public static Distribution jmxExporterAgent(String version) {
    major(version, "Prometheus JMX exporter");
    return new Distribution(
        Kind.JMX_EXPORTER_AGENT,
        version,
        List.of("io.prometheus.jmx:jmx_prometheus_javaagent:" + version));
  }

  public Kind kind() {
    return kind;
  }

  public String version() {
    return version;
  }

  /** The Maven coordinates resolved, as {@code group:artifact:version[:type:classifier]}. */
  public List<String> artifacts() {
    return artifacts;
  }

  /** The directory name of the installation, such as {@code kafka-3.9.2}. */
  public String name() {
    return switch (kind) {
          case APICURIO_REGISTRY -> "apicurio-registry-";
          case JMX_EXPORTER_AGENT -> "jmx-prometheus-javaagent-";
          case KAFKA_ZOOKEEPER, KAFKA_KRAFT -> "kafka-";
        }
        + version;
  }

  /** {@code $KRAFTPORT_HOME}, or {@code ~/.kraftport}. */
  public static Path defaultHome() {
    String home = System.getenv("KRAFTPORT_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"), ".kraftport");
  }

  /**
   * Installs into {@link #defaultHome()} (downloading with Maven the first time) and returns the
   * installation.
   */
  public Installation install() {
    return install(defaultHome(), Maven::locate);
  }

  Installation install(Path home, Supplier<Maven> maven) {
    Path dist = home.resolve("dist");
    Path target = dist.resolve(name());
    if (Files.isRegularFile(target.resolve(MARKER))) {
      return new Installation(this, target);
    }
    ReentrantLock local =
        IN_PROCESS.computeIfAbsent(target.toAbsolutePath().normalize(), k -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(dist);
      try (FileChannel channel =
          FileChannel.open(
              dist.resolve(name() + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE)) {
        channel.lock(); // held until the channel closes, across JVMs
        // Another JVM may have finished while we waited for the lock.
        if (Files.isRegularFile(target.resolve(MARKER))) {
          return new Installation(this, target);
        }
        Dirs.deleteRecursively(target);
        removeLeftovers(dist);
        Path work = Files.createTempDirectory(dist, ".tmp-" + name() + "-");
        try {
          new Resolver(this, work, maven.get()).resolve();
        } catch (RuntimeException e) {
          // The message already carries the end of Maven's log; nothing in here is worth keeping.
          Dirs.deleteQuietly(work);
          throw e;
        }
        Files.writeString(
            work.resolve(MARKER),
            "kind="
                + kind
                + "\nversion="
                + version
                + "\nartifacts="
                + String.join(",", artifacts)
                + "\n",
            StandardCharsets.UTF_8);
        // The rename is what makes the installation visible, so nobody ever sees half of one.
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        return new Installation(this, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install " + name() + " under " + dist, e);
    } finally {
      local.unlock();
    }
  }

  /** Work directories of earlier attempts that were killed; only the lock holder creates them. */
  private void removeLeftovers(Path dist) throws IOException {
    try (var entries = Files.list(dist)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        if (p.getFileName().toString().startsWith(".tmp-" + name() + "-")) {
          Dirs.deleteRecursively(p);
        }
      }
    }
  }

  static int major(String version, String product) {
    Objects.requireNonNull(version, "version");
    if (!VERSION.matcher(version).matches()) {
      throw new InvalidInputException("not a " + product + " version: '" + version + "'");
    }
    return Integer.parseInt(
        version.substring(0, version.contains(".") ? version.indexOf('.') : version.length()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Distribution d && d.kind == kind && d.version.equals(version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, version);
  }

  @Override
  public String toString() {
    return name();
  }
}
