package io.kraftport.migrate;

import io.kraftport.InvalidInputException;
import io.kraftport.config.SideConfig;
import io.kraftport.registry.ExportOptions;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistrySettings;
import java.time.Duration;
import java.util.Optional;

/**
 * Which schema registry side a service works on: whether at all ({@code enabled}), which subjects
 * (whole-name regexes, null for no filter), and how many requests in flight.
 */
public record RegistryAccess(
    boolean enabled, String subjectInclude, String subjectExclude, int concurrency) {
  /**
   * The registry client of a side, or empty where the side has no registry or the registry is left
   * out.
   */
  public Optional<RegistryClient> connect(SideConfig side, Duration timeout) {
    if (!enabled || side.registryProperties().getProperty(RegistrySettings.URL) == null) {
      return Optional.empty();
    }
    RegistrySettings settings;
    try {
      settings = RegistrySettings.fromProperties(side.registryProperties());
    } catch (InvalidInputException e) {
      // The settings name the property as the client knows it; the user needs to know which side's
      // it is.
      throw new InvalidInputException(side.side() + " registry: " + e.getMessage(), e);
    }
    settings =
        settings
            .withSide(side.side())
            .withConcurrency(concurrency)
            .withTimeouts(
                Duration.ofSeconds(Math.min(10, timeout.toSeconds())),
                timeout,
                timeout.multipliedBy(2));
    return Optional.of(RegistryClient.create(settings));
  }

  public ExportOptions exportOptions() {
    return ExportOptions.filtered(subjectInclude, subjectExclude).withParallelism(concurrency);
  }
}
