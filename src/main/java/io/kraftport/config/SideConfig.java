package io.kraftport.config;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The resolved settings of one side of a migration ({@code source} or {@code target}): its Kafka
 * client properties and its schema registry properties, with every placeholder already resolved.
 * Secrets live here in memory only; {@link #toString()} never shows a value.
 */
public final class SideConfig {
  private final String side;
  private final SortedMap<String, String> values;

  public SideConfig(String side, Map<String, String> values) {
    this.side = side;
    this.values = new TreeMap<>(values);
  }

  /** {@code source} or {@code target}. */
  public String side() {
    return side;
  }

  public Optional<String> find(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The bootstrap servers, as the user wrote them (never secret). */
  public Optional<String> bootstrapServers() {
    return find("bootstrap.servers").map(String::strip).filter(s -> !s.isEmpty());
  }

  /** The properties for Kafka's Admin client: everything except the schema registry's own keys. */
  public Properties kafkaProperties() {
    Properties p = new Properties();
    values.forEach(
        (k, v) -> {
          if (!isRegistryKey(k)) {
            p.setProperty(k, v);
          }
        });
    return p;
  }

  /**
   * The schema registry client properties, under Confluent's client names (without the side
   * prefix).
   */
  public Properties registryProperties() {
    Properties p = new Properties();
    values.forEach(
        (k, v) -> {
          if (isRegistryKey(k)) {
            p.setProperty(k, v);
          }
        });
    return p;
  }

  static boolean isRegistryKey(String key) {
    return key.startsWith("schema.registry.")
        || key.startsWith("basic.auth.")
        || key.startsWith("bearer.auth.");
  }

  @Override
  public String toString() {
    return "SideConfig{" + side + ", keys=" + values.keySet() + "}";
  }
}
