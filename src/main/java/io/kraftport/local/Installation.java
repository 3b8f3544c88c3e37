package io.kraftport.local;

import java.nio.file.Path;
import java.util.Objects;

/** A {@link Distribution} resolved into a directory, and how to launch what it holds. */
public record Installation(Distribution distribution, Path directory) {
  public Installation {
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(directory, "directory");
  }

  /**
   * The classpath of a Kafka installation, as a {@code lib/*} wildcard the {@code java} launcher
   * expands.
   */
  public String classpath() {
    if (distribution.kind() == Distribution.Kind.APICURIO_REGISTRY) {
      throw new IllegalStateException(distribution + " is launched as a jar, not with a classpath");
    }
    return directory.resolve("lib").toAbsolutePath() + java.io.File.separator + "*";
  }

  /** The agent jar of a JMX exporter installation, for {@code -javaagent:}. */
  public Path agentJar() {
    if (distribution.kind() != Distribution.Kind.JMX_EXPORTER_AGENT) {
      throw new IllegalStateException(distribution + " is not a java agent");
    }
    return directory
        .resolve("lib")
        .resolve("jmx_prometheus_javaagent-" + distribution.version() + ".jar")
        .toAbsolutePath();
  }

  /** The {@code quarkus-run.jar} of an Apicurio installation. */
  public Path launchJar() {
    if (distribution.kind() != Distribution.Kind.APICURIO_REGISTRY) {
      throw new IllegalStateException(distribution + " is launched with a classpath, not as a jar");
    }
    return directory.resolve("app").resolve("quarkus-run.jar").toAbsolutePath();
  }
}
