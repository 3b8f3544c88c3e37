package io.kraftport.kafka;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which topics a command works on: those matching any {@code include} pattern (all when there is none) and no
 * {@code exclude} pattern. Internal topics ({@code __}-prefixed, such as {@code __consumer_offsets} or MSK's own, and
 * {@code _schemas}) are left out unless asked for.
 */
public record TopicFilter(List<Pattern> include, List<Pattern> exclude, boolean includeInternal) {
  /** Every topic, internal ones included: what a cluster holds, as opposed to what a command selects. */
  public static final TopicFilter EVERY_TOPIC = new TopicFilter(List.of(), List.of(), true);

  public TopicFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  public boolean test(String topic) {
    if (!includeInternal && isInternal(topic)) {
      return false;
    }
    if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(topic).matches())) {
      return false;
    }
    return exclude.stream().noneMatch(p -> p.matcher(topic).matches());
  }

  public static boolean isInternal(String topic) {
    return topic.startsWith("__") || topic.equals("_schemas");
  }
}
