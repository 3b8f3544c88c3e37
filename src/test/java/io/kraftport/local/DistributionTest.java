package io.kraftport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.UnreachableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionTest {
  @TempDir Path tmp;

  @Test
  void kafka3IsZooKeeperModeWithTheReload4jBinding() {
    Distribution d = Distribution.kafka("3.9.2");
    assertThat(d.kind()).isEqualTo(Distribution.Kind.KAFKA_ZOOKEEPER);
    assertThat(d.name()).isEqualTo("kafka-3.9.2");
    assertThat(d.artifacts())
        .containsExactly("org.apache.kafka:kafka_2.13:3.9.2", "org.slf4j:slf4j-reload4j:1.7.36");
  }

  @Test
  void kafka4IsKraftWithTheStorageToolAndTheLog4j2Binding() {
    Distribution d = Distribution.kafka("4.0.2");
    assertThat(d.kind()).isEqualTo(Distribution.Kind.KAFKA_KRAFT);
    assertThat(d.artifacts())
        .containsExactly(
            "org.apache.kafka:kafka_2.13:4.0.2",
            "org.apache.kafka:kafka-storage:4.0.2",
            "org.apache.logging.log4j:log4j-slf4j-impl:2.24.3",
            "org.apache.logging.log4j:log4j-core:2.24.3",
            "org.apache.logging.log4j:log4j-api:2.24.3");
  }

  @Test
  void apicurioIsTheReadyBuiltAppArchive() {
    Distribution d = Distribution.apicurio("3.3.3");
    assertThat(d.kind()).isEqualTo(Distribution.Kind.APICURIO_REGISTRY);
    assertThat(d.name()).isEqualTo("apicurio-registry-3.3.3");
    assertThat(d.artifacts()).containsExactly("io.apicurio:apicurio-registry-app:3.3.3:tar.gz:all");
    assertThat(Resolver.pom(d)).doesNotContain("<dependency>");
  }

  @Test
  void rejectsVersionsThatAreNotVersionsOrTooOld() {
    for (String bad : List.of("", "latest", "3.9.2</version>", "../3.9", "3.9.2 ")) {
      assertThatThrownBy(() -> Distribution.kafka(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> Distribution.apicurio(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(() -> Distribution.kafka("2.8.2"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not supported");
  }

  @Test
  void thePomDependsOnEveryArtifact() {
    String pom = Resolver.pom(Distribution.kafka("4.0.2"));
    assertThat(pom)
        .contains(
            "<groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>4.0.2</version>")
        .contains("<artifactId>log4j-slf4j-impl</artifactId><version>2.24.3</version>")
        .contains("<packaging>pom</packaging>");
  }

  @Test
  void theJmxExporterAgentIsOneJarCopiedByName() {
    Distribution agent = Distribution.jmxExporterAgent("1.0.1");
    assertThat(agent.kind()).isEqualTo(Distribution.Kind.JMX_EXPORTER_AGENT);
    assertThat(agent.name()).isEqualTo("jmx-prometheus-javaagent-1.0.1");
    assertThat(agent.artifacts())
        .containsExactly("io.prometheus.jmx:jmx_prometheus_javaagent:1.0.1");
    assertThat(Resolver.pom(agent)).doesNotContain("<dependency>");
    assertThat(new Installation(agent, Path.of("/opt/a")).agentJar())
        .isEqualTo(Path.of("/opt/a/lib/jmx_prometheus_javaagent-1.0.1.jar"));
  }

  /**
   * A stand-in {@code mvn} that records each run and fills the output directory like the real one
   * would.
   */
  private Maven fakeMaven(String body) throws Exception {
    Path mvn = tmp.resolve("fake-mvn");
    Files.writeString(
        mvn,
        "#!/bin/sh\n"
            + "echo \"$@\" >> "
            + tmp.resolve("runs.txt")
            + "\n"
            + "for a in \"$@\"; do case \"$a\" in -DoutputDirectory=*) out=\"${a#-DoutputDirectory=}\";; esac; done\n"
            + "mkdir -p \"$out\"\n"
            + body
            + "\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new Maven(mvn);
  }

  private List<String> runs() throws Exception {
    Path runs = tmp.resolve("runs.txt");
    return Files.exists(runs) ? Files.readAllLines(runs) : List.of();
  }

  @Test
  void installsOnceIntoTheHomeAndReusesTheInstallation() throws Exception {
    Maven maven =
        fakeMaven("sleep 0.2; touch \"$out/kafka_2.13-3.9.2.jar\" \"$out/zookeeper-3.8.4.jar\"");
    Path home = tmp.resolve("home");
    Distribution kafka = Distribution.kafka("3.9.2");
    // Two threads at once: one resolves, the other waits and reuses.
    var first = CompletableFuture.supplyAsync(() -> kafka.install(home, () -> maven));
    var second = CompletableFuture.supplyAsync(() -> kafka.install(home, () -> maven));
    Installation installation = first.get();
    assertThat(second.get()).isEqualTo(installation);
    assertThat(installation.directory()).isEqualTo(home.resolve("dist").resolve("kafka-3.9.2"));
    assertThat(installation.directory().resolve("lib").resolve("zookeeper-3.8.4.jar"))
        .isRegularFile();
    assertThat(installation.directory().resolve(Distribution.MARKER)).isRegularFile();
    assertThat(installation.classpath()).endsWith("lib" + java.io.File.separator + "*");
    assertThat(runs()).hasSize(1);
    assertThat(runs().get(0))
        .contains("-B", Maven.DEPENDENCY_PLUGIN + ":copy-dependencies", "-DincludeScope=runtime");

    assertThat(
            kafka.install(
                home,
                () -> {
                  throw new AssertionError("a finished installation needs no Maven");
                }))
        .isEqualTo(installation);
    try (var entries = Files.list(home.resolve("dist"))) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("kafka-3.9.2", "kafka-3.9.2.lock");
    }
  }

  @Test
  void aFailedResolutionLeavesNoInstallationAndSaysWhy() throws Exception {
    Maven failing =
        fakeMaven("echo '[ERROR] Could not resolve dependencies: host unreachable'; exit 1");
    Path home = tmp.resolve("home");
    Distribution kafka = Distribution.kafka("4.0.2");
    assertThatThrownBy(() -> kafka.install(home, () -> failing))
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining("Maven could not resolve kafka-4.0.2 (exit 1)")
        .hasMessageContaining("host unreachable");
    assertThat(home.resolve("dist").resolve("kafka-4.0.2")).doesNotExist();

    // The next attempt starts over and cleans up the failed one's work directory.
    Maven working = fakeMaven("touch \"$out/kafka_2.13-4.0.2.jar\"");
    Installation installation = kafka.install(home, () -> working);
    assertThat(installation.directory().resolve("lib").resolve("kafka_2.13-4.0.2.jar"))
        .isRegularFile();
    try (var entries = Files.list(home.resolve("dist"))) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".tmp-"));
    }
  }

  @Test
  void apicurioIsCopiedWithoutItsDependenciesAndUnpackedToApp() throws Exception {
    // The fake archive has the layout of the real one: quarkus-run.jar at the top.
    Path staging = Files.createDirectories(tmp.resolve("staging"));
    Files.writeString(staging.resolve("quarkus-run.jar"), "jar");
    Files.createDirectories(staging.resolve("lib").resolve("main"));
    Maven maven =
        fakeMaven("tar -czf \"$out/apicurio-registry-app-3.3.3-all.tar.gz\" -C " + staging + " .");
    Installation installation =
        Distribution.apicurio("3.3.3").install(tmp.resolve("home"), () -> maven);
    assertThat(installation.launchJar()).isRegularFile().hasFileName("quarkus-run.jar");
    assertThat(installation.launchJar().getParent().resolve("lib").resolve("main")).isDirectory();
    assertThat(installation.directory().resolve("download")).doesNotExist();
    assertThat(runs().get(0))
        .contains(
            Maven.DEPENDENCY_PLUGIN + ":copy",
            "-Dartifact=io.apicurio:apicurio-registry-app:3.3.3:tar.gz:all");
  }

  @Test
  void findsMavenThroughMavenHomeThenM2HomeThenPath() throws Exception {
    Path mavenHome = tmp.resolve("maven");
    Path onPath = tmp.resolve("path-bin");
    for (Path bin : List.of(mavenHome.resolve("bin"), onPath)) {
      Path mvn = Files.createDirectories(bin).resolve("mvn");
      Files.writeString(mvn, "#!/bin/sh\n");
      Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertThat(
            Maven.locate(
                    java.util.Map.of("MAVEN_HOME", mavenHome.toString(), "PATH", onPath.toString()),
                    false)
                .executable())
        .isEqualTo(mavenHome.resolve("bin").resolve("mvn"));
    assertThat(Maven.locate(java.util.Map.of("M2_HOME", mavenHome.toString()), false).executable())
        .isEqualTo(mavenHome.resolve("bin").resolve("mvn"));
    assertThat(
            Maven.locate(
                    java.util.Map.of(
                        "MAVEN_HOME",
                        tmp.resolve("none").toString(),
                        "PATH",
                        tmp.resolve("x") + java.io.File.pathSeparator + onPath),
                    false)
                .executable())
        .isEqualTo(onPath.resolve("mvn"));
    assertThatThrownBy(
            () -> Maven.locate(java.util.Map.of("PATH", tmp.resolve("x").toString()), false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Maven (mvn)")
        .hasMessageContaining("MAVEN_HOME");
  }

  @Test
  void aHangingMavenIsStoppedAtTheTimeout() throws Exception {
    Maven hanging = fakeMaven("sleep 30");
    Path work = Files.createDirectories(tmp.resolve("work"));
    long t0 = System.nanoTime();
    assertThatThrownBy(
            () ->
                hanging.run(
                    work,
                    work.resolve("log"),
                    Duration.ofMillis(500),
                    "x",
                    List.of("-DoutputDirectory=" + work.resolve("out"))))
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining("did not finish resolving x");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }
}
