package io.kraftport.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A topic config's effective value and where it comes from, named as Kafka's {@code
 * ConfigEntry.ConfigSource} ({@code DYNAMIC_TOPIC_CONFIG}, {@code DYNAMIC_DEFAULT_BROKER_CONFIG},
 * {@code STATIC_BROKER_CONFIG}, {@code DEFAULT_CONFIG}, ...). A sensitive value is never stored: it
 * is null with {@code sensitive} true.
 */
@JsonPropertyOrder({"value", "source", "sensitive"})
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ConfigValue(
    @JsonInclude(JsonInclude.Include.ALWAYS) String value, String source, boolean sensitive) {
  public static final String TOPIC_OVERRIDE = "DYNAMIC_TOPIC_CONFIG";
  public static final String DEFAULT = "DEFAULT_CONFIG";

  public ConfigValue {
    Objects.requireNonNull(source, "source");
  }

  public static ConfigValue of(String value, String source) {
    return new ConfigValue(value, source, false);
  }

  @JsonIgnore
  public boolean isTopicOverride() {
    return TOPIC_OVERRIDE.equals(source);
  }

  @JsonIgnore
  public boolean isPlainDefault() {
    return DEFAULT.equals(source);
  }
}
