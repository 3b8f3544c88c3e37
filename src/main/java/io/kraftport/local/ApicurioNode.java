package io.kraftport.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An Apicurio Registry 3.x on 127.0.0.1 with in-memory storage, empty at start, serving the
 * Confluent-compatible Schema Registry API under {@link #ccompatUrl()}. It needs Java 21 or newer
 * (see {@link JavaRuntimes}).
 */
public final class ApicurioNode implements LocalServer {
  private final ManagedProcess process;
  private final String name;
  private final int httpPort;
  private final int managementPort;

  private ApicurioNode(ManagedProcess process, String name, int httpPort, int managementPort) {
    this.process = process;
    this.name = name;
    this.httpPort = httpPort;
    this.managementPort = managementPort;
  }

  /**
   * Starts a registry on {@code javaHome} and waits until {@code GET /apis/ccompat/v7/subjects}
   * answers 200.
   */
  public static ApicurioNode start(Installation apicurio, Path javaHome, Duration timeout) {
    if (apicurio.distribution().kind() != Distribution.Kind.APICURIO_REGISTRY) {
      throw new IllegalArgumentException(apicurio.distribution() + " is not an Apicurio Registry");
    }
    String name = apicurio.distribution().name();
    List<String> cache =
        StartupCache.options(
            ServerJvms.startupCacheDir(apicurio),
            javaHome,
            "registry",
            option -> {
              ApicurioNode training =
                  Launch.withPortRetry(
                      name,
                      () ->
                          attempt(
                              apicurio, name + "-training", javaHome, timeout, List.of(option)));
              training.process.close(ServerJvms.TRAINING_STOP_GRACE);
            });
    return Launch.withPortRetry(name, () -> attempt(apicurio, name, javaHome, timeout, cache));
  }

  private static ApicurioNode attempt(
      Installation apicurio,
      String name,
      Path javaHome,
      Duration timeout,
      List<String> extraOptions) {
    int http = FreePorts.next();
    int management = FreePorts.next();
    Path dir = Dirs.newDataDir(name);
    JvmCommand command =
        JvmCommand.jar(javaHome, apicurio.launchJar())
            .withOptions(
                // C1 only and the serial collector: about 40% less CPU to start, which matters with
                // few cores.
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + http,
                // The management interface (health, metrics) has a port of its own; keep it off the
                // default 9000.
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + management,
                "-Dquarkus.otel.sdk.disabled=true",
                "-Dquarkus.banner.enabled=false",
                "-Dapicurio.storage.kind=sql",
                "-Dapicurio.storage.sql.kind=h2")
            .withOptions(extraOptions.toArray(String[]::new));
    ManagedProcess process = ManagedProcess.start(name, command, dir);
    String subjects = "http://127.0.0.1:" + http + "/apis/ccompat/v7/subjects";
    try {
      process.awaitReady(
          timeout,
          "GET " + subjects + " to answer 200",
          () -> FreePorts.isOpen(http) && Probes.httpOk(subjects));
    } catch (RuntimeException e) {
      throw Launch.failed(process, e);
    }
    return new ApicurioNode(process, name, http, management);
  }

  /** {@code http://127.0.0.1:port}, the root of every Apicurio API. */
  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /**
   * The Confluent-compatible API, {@code http://127.0.0.1:port/apis/ccompat/v7}: a Schema Registry
   * URL.
   */
  public String ccompatUrl() {
    return baseUrl() + "/apis/ccompat/v7";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Integer> ports() {
    return List.of(httpPort, managementPort);
  }

  @Override
  public ManagedProcess process() {
    return process;
  }

  @Override
  public String toString() {
    return name + " at " + baseUrl();
  }
}
