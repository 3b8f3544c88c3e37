package io.kraftport.translate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kraftport.snapshot.ConfigValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The table of topic configs that Kafka 4 removed or changed, read from {@code
 * config-translations.json}, and the translation of a source topic's configs into what the target
 * should hold. The table is data: adding a rule needs no code.
 */
public final class ConfigTranslations {
  private static final String RESOURCE = "config-translations.json";

  private final Map<String, Rule> rules;

  public ConfigTranslations(List<Rule> rules) {
    Map<String, Rule> byName = new LinkedHashMap<>();
    for (Rule r : rules) {
      byName.put(r.config(), r);
    }
    this.rules = Map.copyOf(byName);
  }

  /** The table shipped with kraftport. */
  public static ConfigTranslations standard() {
    try (InputStream in = ConfigTranslations.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, RESOURCE);
      Table table =
          new ObjectMapper()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in, Table.class);
      return new ConfigTranslations(table.translations());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  /** What import does with a config. */
  public enum Action {
    DROP,
    RENAME,
    RAISE_TO_MINIMUM
  }

  /** One row of the table. */
  public record Rule(String config, Action action, List<String> to, Long minimum, String reason) {
    public Rule {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(action, "action");
      to = to == null ? List.of() : List.copyOf(to);
    }
  }

  private record Table(String about, List<Rule> translations) {}

  /**
   * A translation applied to one topic's config: what the source had and what the target gets
   * instead.
   */
  @JsonPropertyOrder({"config", "action", "sourceValue", "result", "reason"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Applied(
      String config,
      Action action,
      String sourceValue,
      SortedMap<String, String> result,
      String reason) {
    /** One line for plans and reports, e.g. {@code message.format.version=2.8 dropped (...)}. */
    public String describe() {
      String outcome =
          result.isEmpty()
              ? "dropped"
              : "-> "
                  + String.join(
                      ", ",
                      result.entrySet().stream()
                          .map(e -> e.getKey() + "=" + e.getValue())
                          .toList());
      return config + "=" + sourceValue + " " + outcome + " (" + reason + ")";
    }
  }

  /**
   * A topic's configs as the target should hold them.
   *
   * @param desired every config's value on the target, name to value
   * @param explicit the names that must be set on the topic itself: the source's own overrides,
   *     after translation
   * @param applied the translations that changed something the source set, for the plan and the
   *     report
   */
  public record Result(
      SortedMap<String, String> desired, SortedSet<String> explicit, List<Applied> applied) {}

  /**
   * Translates a source topic's configs for a target that knows the configs {@code targetKnows}
   * accepts. Plain defaults of configs the target does not know are left out: they carry nothing
   * the user chose.
   */
  public Result translate(Map<String, ConfigValue> source, Predicate<String> targetKnows) {
    SortedMap<String, String> desired = new TreeMap<>();
    SortedSet<String> explicit = new TreeSet<>();
    List<Applied> applied = new ArrayList<>();
    // Renames write into other names; apply them after the plain copies so an explicit source value
    // wins.
    List<Map.Entry<String, ConfigValue>> renames = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : source.entrySet()) {
      String name = e.getKey();
      ConfigValue cv = e.getValue();
      if (cv.value() == null) {
        continue;
      }
      boolean known = targetKnows.test(name);
      Rule rule = rules.get(name);
      if (!known && cv.isPlainDefault()) {
        continue;
      }
      if (rule != null && !known && rule.action() == Action.DROP) {
        applied.add(new Applied(name, rule.action(), cv.value(), new TreeMap<>(), rule.reason()));
        continue;
      }
      if (rule != null && !known && rule.action() == Action.RENAME) {
        renames.add(e);
        continue;
      }
      String value = cv.value();
      if (rule != null
          && rule.action() == Action.RAISE_TO_MINIMUM
          && isBelow(value, rule.minimum())) {
        value = Long.toString(rule.minimum());
        applied.add(
            new Applied(
                name,
                rule.action(),
                cv.value(),
                new TreeMap<>(Map.of(name, value)),
                rule.reason()));
      }
      desired.put(name, value);
      if (cv.isTopicOverride()) {
        explicit.add(name);
      }
    }
    for (Map.Entry<String, ConfigValue> e : renames) {
      Rule rule = rules.get(e.getKey());
      ConfigValue cv = e.getValue();
      SortedMap<String, String> result = new TreeMap<>();
      for (String to : rule.to()) {
        ConfigValue own = source.get(to);
        if (own != null && own.isTopicOverride()) {
          continue;
        }
        desired.put(to, cv.value());
        result.put(to, cv.value());
        if (cv.isTopicOverride()) {
          explicit.add(to);
        }
      }
      applied.add(new Applied(e.getKey(), rule.action(), cv.value(), result, rule.reason()));
    }
    return new Result(desired, explicit, applied);
  }

  private static boolean isBelow(String value, Long minimum) {
    if (minimum == null) {
      return false;
    }
    try {
      return Long.parseLong(value.strip()) < minimum;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
