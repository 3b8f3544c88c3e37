package io.kraftport.cli;

import io.kraftport.kafka.TopicFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --include}, {@code --exclude} and {@code --include-internal}: which topics a command works
 * on.
 */
public final class TopicFilterOptions {
  @Option(
      names = "--include",
      paramLabel = "REGEX",
      description =
          "Only topics whose whole name matches (repeatable; default: all). A match also selects a __"
              + " topic, except Kafka's own (__consumer_offsets, __transaction_state, _schemas, ...).")
  List<Pattern> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "REGEX",
      description = "Leave out topics whose whole name matches" + " (repeatable).")
  List<Pattern> exclude = new ArrayList<>();

  @Option(
      names = "--include-internal",
      description =
          "Also internal topics: Kafka's own (__consumer_offsets, __transaction_state, _schemas, ...) and"
              + " every other __ topic.")
  boolean includeInternal;

  public TopicFilter filter() {
    return new TopicFilter(include, exclude, includeInternal);
  }
}
