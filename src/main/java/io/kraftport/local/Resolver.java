package io.kraftport.local;

import io.kraftport.UnreachableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fills a work directory with one {@link Distribution}: Kafka's jars into {@code lib/}
 * (transitively, through a generated pom), the JMX exporter agent's jar into {@code lib/}, or
 * Apicurio's app into {@code app/} (the tar.gz fetched on its own, since its pom names dependencies
 * that are not on Maven Central, then unpacked).
 */
final class Resolver {
  /** Apicurio's archive is about 160 MB; a slow link needs minutes. */
  private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(20);

  private final Distribution distribution;
  private final Path work;
  private final Maven maven;

  Resolver(Distribution distribution, Path work, Maven maven) {
    this.distribution = distribution;
    this.work = work;
    this.maven = maven;
  }

  /** Copies the distribution's one artifact, without its dependencies, into {@code into}. */
  private void copyArtifact(Path project, Path log, Path into) {
    maven.run(
        project,
        log,
        MAVEN_TIMEOUT,
        distribution.name(),
        List.of(
            Maven.DEPENDENCY_PLUGIN + ":copy",
            "-Dartifact=" + distribution.artifacts().get(0),
            "-DoutputDirectory=" + into.toAbsolutePath()));
  }

  void resolve() throws IOException {
    Path project = Files.createDirectories(work.resolve("resolve"));
    Files.writeString(project.resolve("pom.xml"), pom(distribution), StandardCharsets.UTF_8);
    Path log = project.resolve("maven.log");
    if (distribution.kind() == Distribution.Kind.APICURIO_REGISTRY) {
      Path download = Files.createDirectories(work.resolve("download"));
      copyArtifact(project, log, download);
      unpackApicurio(download);
      Dirs.deleteRecursively(download);
    } else if (distribution.kind() == Distribution.Kind.JMX_EXPORTER_AGENT) {
      // The agent jar is self-contained: copied by name, without its (shaded) dependencies.
      Path lib = Files.createDirectories(work.resolve("lib"));
      copyArtifact(project, log, lib);
      if (!Files.isRegularFile(
          lib.resolve("jmx_prometheus_javaagent-" + distribution.version() + ".jar"))) {
        throw new UnreachableException(
            "Maven finished but " + lib + " has no jmx_prometheus_javaagent jar");
      }
    } else {
      maven.run(
          project,
          log,
          MAVEN_TIMEOUT,
          distribution.name(),
          List.of(
              Maven.DEPENDENCY_PLUGIN + ":copy-dependencies",
              "-DincludeScope=runtime",
              "-DoutputDirectory=" + work.resolve("lib").toAbsolutePath()));
      if (!Files.isRegularFile(
          work.resolve("lib").resolve("kafka_2.13-" + distribution.version() + ".jar"))) {
        throw new UnreachableException(
            "Maven finished but " + work.resolve("lib") + " has no kafka_2.13 jar");
      }
    }
    Dirs.deleteRecursively(project);
  }

  /**
   * A pom whose dependencies are the distribution's jars (none for Apicurio, whose archive is
   * copied by name).
   */
  static String pom(Distribution distribution) {
    String deps =
        distribution.kind() == Distribution.Kind.APICURIO_REGISTRY
                || distribution.kind() == Distribution.Kind.JMX_EXPORTER_AGENT
            ? ""
            : distribution.artifacts().stream()
                .map(Resolver::dependency)
                .collect(Collectors.joining());
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
        + "  <modelVersion>4.0.0</modelVersion>\n"
        + "  <groupId>io.kraftport.local</groupId>\n"
        + "  <artifactId>"
        + distribution.name()
        + "</artifactId>\n"
        + "  <version>1</version>\n"
        + "  <packaging>pom</packaging>\n"
        + "  <dependencies>\n"
        + deps
        + "  </dependencies>\n"
        + "</project>\n";
  }

  private static String dependency(String coordinates) {
    String[] p = coordinates.split(":");
    return "    <dependency><groupId>"
        + p[0]
        + "</groupId><artifactId>"
        + p[1]
        + "</artifactId><version>"
        + p[2]
        + "</version></dependency>\n";
  }

  /**
   * Unpacks with the system's {@code tar}, then moves the directory holding {@code quarkus-run.jar}
   * to {@code app}.
   */
  private void unpackApicurio(Path download) throws IOException {
    Path archive;
    try (Stream<Path> files = Files.list(download)) {
      archive =
          files
              .filter(p -> p.toString().endsWith(".tar.gz"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UnreachableException(
                          "Maven finished but " + download + " holds no tar.gz"));
    }
    Path unpacked = Files.createDirectories(work.resolve("unpacked"));
    Path log = work.resolve("tar.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                "tar",
                "-xzf",
                archive.toAbsolutePath().toString(),
                "-C",
                unpacked.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    try {
      Process tar = pb.start();
      if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
        tar.destroyForcibly();
        throw new IOException("tar could not unpack " + archive + LogTail.describe(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unpacking " + archive, e);
    }
    Path runJar;
    try (Stream<Path> found = Files.walk(unpacked, 4)) {
      runJar =
          found
              .filter(p -> p.getFileName().toString().equals("quarkus-run.jar"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IOException(
                          archive + " has no quarkus-run.jar; not an Apicurio app archive?"));
    }
    Files.move(runJar.getParent(), work.resolve("app"));
    Dirs.deleteRecursively(unpacked);
    Files.deleteIfExists(log);
  }
}
