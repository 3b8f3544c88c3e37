package io.kraftport.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The logging setup of a Kafka or ZooKeeper JVM: everything at INFO to stdout (which the process
 * redirects into its log file), with the chattiest loggers quieter. 3.x logs through reload4j, 4.x
 * through log4j 2, each with its own file format and system property.
 */
final class KafkaLogging {
  private KafkaLogging() {}

  /** Writes the config file into {@code dir} and returns the JVM option that points at it. */
  static String configure(Distribution.Kind kind, Path dir) {
    try {
      if (kind == Distribution.Kind.KAFKA_KRAFT) {
        Path file = dir.resolve("log4j2.properties");
        Files.writeString(
            file,
            String.join(
                "\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "logger.clients.name = org.apache.kafka.clients",
                "logger.clients.level = WARN",
                ""));
        return "-Dlog4j2.configurationFile=" + file.toAbsolutePath();
      }
      Path file = dir.resolve("log4j.properties");
      Files.writeString(
          file,
          String.join(
              "\n",
              "log4j.rootLogger=INFO, out",
              "log4j.appender.out=org.apache.log4j.ConsoleAppender",
              "log4j.appender.out.layout=org.apache.log4j.PatternLayout",
              "log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n",
              "log4j.logger.state.change.logger=WARN",
              "log4j.logger.org.apache.kafka.clients=WARN",
              ""));
      return "-Dlog4j.configuration=" + file.toAbsolutePath().toUri();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the logging config into " + dir, e);
    }
  }

  /** Writes {@code lines} as a properties-style file. */
  static Path writeConfig(Path file, java.util.List<String> lines) {
    try {
      return Files.writeString(file, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
