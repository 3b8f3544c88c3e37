package io.kraftport.config;

import io.kraftport.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * Loads a migration's settings: a MirrorMaker-2-style {@code --config} file whose {@code source.}
 * and {@code target.} keys are each side's client properties, then each side's {@code
 * --*-command-config} file (a plain Kafka client properties file), then the quick flags, each
 * overriding the one before. {@code ${env:NAME}} and {@code ${file:PATH:KEY}} placeholders are
 * resolved by Kafka's own config providers; one that cannot be resolved is an error naming the key
 * and the placeholder, never a value.
 */
public final class ConfigLoader {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+):([^}]*)}");

  private final Map<String, String> environment;

  /** A loader reading the process environment. */
  public ConfigLoader() {
    this(System.getenv());
  }

  /** A loader reading the given environment (tests). */
  public ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** What the user passed on the command line that bears on one side's settings. */
  public record SideFlags(Path commandConfig, String bootstrapServers, String registryUrl) {
    public static final SideFlags NONE = new SideFlags(null, null, null);
  }

  /** Both sides' settings, resolved. */
  public record MigrationConfig(SideConfig source, SideConfig target) {}

  public MigrationConfig load(Path configFile, SideFlags sourceFlags, SideFlags targetFlags) {
    Map<String, String> source = new TreeMap<>();
    Map<String, String> target = new TreeMap<>();
    if (configFile != null) {
      Properties file = readProperties(configFile);
      for (String key : file.stringPropertyNames()) {
        String value = file.getProperty(key);
        if (key.startsWith("source.")) {
          source.put(key.substring("source.".length()), value);
        } else if (key.startsWith("target.")) {
          target.put(key.substring("target.".length()), value);
        } else if (!isMirrorMakerKey(key)) {
          throw new InvalidInputException(
              configFile
                  + ": unknown key '"
                  + key
                  + "': keys must start with 'source.' or 'target.'");
        }
      }
    }
    source = resolve(configFile, "source.", source);
    target = resolve(configFile, "target.", target);
    return new MigrationConfig(
        side("source", source, sourceFlags), side("target", target, targetFlags));
  }

  private SideConfig side(String name, Map<String, String> values, SideFlags flags) {
    Map<String, String> merged = new TreeMap<>(values);
    if (flags.commandConfig() != null) {
      Properties p = readProperties(flags.commandConfig());
      Map<String, String> raw = new LinkedHashMap<>();
      p.stringPropertyNames().forEach(k -> raw.put(k, p.getProperty(k)));
      merged.putAll(resolve(flags.commandConfig(), "", raw));
    }
    if (flags.bootstrapServers() != null) {
      merged.put("bootstrap.servers", flags.bootstrapServers());
    }
    if (flags.registryUrl() != null) {
      merged.put("schema.registry.url", flags.registryUrl());
    }
    return new SideConfig(name, merged);
  }

  private Map<String, String> resolve(Path where, String prefix, Map<String, String> raw) {
    Map<String, ConfigProvider> providers = new LinkedHashMap<>();
    EnvVarConfigProvider env = new EnvVarConfigProvider(environment);
    env.configure(Map.of());
    providers.put("env", env);
    FileConfigProvider file = new FileConfigProvider();
    file.configure(Map.of());
    providers.put("file", file);
    Map<String, String> resolved;
    try {
      resolved = new ConfigTransformer(providers).transform(raw).data();
    } catch (ConfigException e) {
      throw new InvalidInputException(where + ": cannot resolve a placeholder: " + e.getMessage());
    }
    for (Map.Entry<String, String> e : resolved.entrySet()) {
      Matcher m = PLACEHOLDER.matcher(e.getValue() == null ? "" : e.getValue());
      if (m.find()) {
        String provider = m.group(1);
        String what =
            switch (provider) {
              case "env" -> "environment variable " + m.group(2) + " is not set";
              case "file" -> "no such key in file: " + m.group(2);
              default -> "unknown config provider '" + provider + "' (use env or file)";
            };
        throw new InvalidInputException(
            (where == null ? "" : where + ": ") + prefix + e.getKey() + ": " + what);
      }
    }
    return new TreeMap<>(resolved);
  }

  private static boolean isMirrorMakerKey(String key) {
    return key.equals("clusters") || key.contains("->");
  }

  static Properties readProperties(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file");
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(file + ": cannot read properties: " + e.getMessage(), e);
    }
    return p;
  }
}
