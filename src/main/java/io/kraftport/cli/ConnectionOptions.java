package io.kraftport.cli;

import io.kraftport.config.ConfigLoader;
import io.kraftport.config.ConfigLoader.MigrationConfig;
import io.kraftport.config.ConfigLoader.SideFlags;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options that say how to reach the two sides: the config file, the quick flags that override
 * it, timeouts.
 */
public final class ConnectionOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Migration properties: source.* and target.* client settings (MirrorMaker 2 style);"
              + " $${env:NAME} and $${file:PATH:KEY} placeholders are resolved.")
  Path config;

  @Option(
      names = "--source-bootstrap-server",
      paramLabel = "HOST:PORT",
      description = "The source cluster (overrides source.bootstrap.servers).")
  String sourceBootstrap;

  @Option(
      names = "--target-bootstrap-server",
      paramLabel = "HOST:PORT",
      description = "The target cluster (overrides target.bootstrap.servers).")
  String targetBootstrap;

  @Option(
      names = "--source-command-config",
      paramLabel = "FILE",
      description = "A Kafka client properties file for the source, as Kafka's own tools take.")
  Path sourceCommandConfig;

  @Option(
      names = "--target-command-config",
      paramLabel = "FILE",
      description = "A Kafka client properties file for the target, as Kafka's own tools take.")
  Path targetCommandConfig;

  @Option(
      names = "--source-registry-url",
      paramLabel = "URL",
      description = "The source schema registry (overrides source.schema.registry.url).")
  String sourceRegistryUrl;

  @Option(
      names = "--target-registry-url",
      paramLabel = "URL",
      description = "The target schema registry (overrides target.schema.registry.url).")
  String targetRegistryUrl;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.Positive.class,
      description =
          "Upper bound for each call to a cluster or registry, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  public MigrationConfig load() {
    return new ConfigLoader()
        .load(
            config,
            new SideFlags(sourceCommandConfig, sourceBootstrap, sourceRegistryUrl),
            new SideFlags(targetCommandConfig, targetBootstrap, targetRegistryUrl));
  }

  public Duration timeout() {
    return timeout;
  }
}
