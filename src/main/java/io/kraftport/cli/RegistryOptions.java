package io.kraftport.cli;

import io.kraftport.config.SideConfig;
import io.kraftport.migrate.RegistryAccess;
import io.kraftport.registry.ExportOptions;
import io.kraftport.registry.RegistryClient;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that select the schema registry side of a command: whether to use it, which subjects,
 * how hard.
 */
public final class RegistryOptions {
  @Option(
      names = "--no-registry",
      description = "Leave the schema registry out, even where one is configured.")
  boolean noRegistry;

  @Option(
      names = "--subject-include",
      paramLabel = "REGEX",
      description = "Only subjects whose whole name matches (default: all).")
  String subjectInclude;

  @Option(
      names = "--subject-exclude",
      paramLabel = "REGEX",
      description = "Leave out subjects whose whole name matches.")
  String subjectExclude;

  @Option(
      names = "--registry-concurrency",
      paramLabel = "N",
      defaultValue = "8",
      description = "Registry requests in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  /**
   * The registry client of a side, or empty where the side has no registry or {@code --no-registry}
   * is given.
   */
  public Optional<RegistryClient> connect(SideConfig side, Duration timeout) {
    return access().connect(side, timeout);
  }

  /** These options as the services take them. */
  public RegistryAccess access() {
    return new RegistryAccess(!noRegistry, subjectInclude, subjectExclude, concurrency);
  }

  public boolean enabled() {
    return !noRegistry;
  }

  public ExportOptions exportOptions() {
    return access().exportOptions();
  }
}
