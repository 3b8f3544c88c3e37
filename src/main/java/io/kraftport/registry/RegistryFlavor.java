package io.kraftport.registry;

import java.util.Locale;

/**
 * What kind of server answers a registry URL: Confluent Schema Registry, Apicurio Registry's
 * Confluent-compatible API, or another server speaking the Confluent API. The name is what a
 * snapshot stores in {@code flavor}.
 */
public enum RegistryFlavor {
  CONFLUENT,
  APICURIO,
  OTHER;

  /** The snapshot name: {@code confluent}, {@code apicurio} or {@code other}. */
  public String snapshotName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The flavour a snapshot names; unknown names are {@link #OTHER}. */
  public static RegistryFlavor fromSnapshotName(String name) {
    for (RegistryFlavor f : values()) {
      if (f.snapshotName().equals(name)) {
        return f;
      }
    }
    return OTHER;
  }
}
