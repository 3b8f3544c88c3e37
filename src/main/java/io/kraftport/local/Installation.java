package io.kraftport.local;

import java.nio.file.Path;
import java.util.Objects;

/** A {@link Distribution} resolved into a directory, and how to launch what it holds. */
public record Installation(Distribution distribution, Path directory) {
  public Installation {
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(directory, "directory");
  }

  /** The classpath of a Kafka installation, as a {@code lib/*} wildcard the {@code java} launcher expands. */
  public String classpath() {
    if (distribution.kind() == Distribution.Kind.APICURIO_REGISTRY) {
      throw new IllegalStateException(distribution + " is launched as a jar, not with a classpath");
    }
    return directory.resolve("lib").toAbsolutePath() + java.io.File.separator + "*";
  }

  /** The {@code quarkus-run.jar} of an Apicurio installation. */
  public Path launchJar() {
    if (distribution.kind() != Distribution.Kind.APICURIO_REGISTRY) {
      throw new IllegalStateException(distribution + " is launched with a classpath, not as a jar");
    }
    return directory.resolve("app").resolve("quarkus-run.jar").toAbsolutePath();
  }
}
