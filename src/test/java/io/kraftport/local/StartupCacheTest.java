package io.kraftport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.UnreachableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {
  @TempDir Path tmp;

  private Path javaHome(String version) throws Exception {
    Path home = Files.createDirectories(tmp.resolve("jdk-" + version));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  /** Trains like a JVM would: writes the file the option names. */
  private static void writeCache(String option) {
    try {
      Files.writeString(Path.of(option.substring(option.indexOf('=') + 1)), "cache");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void java17TrainsADynamicCdsArchiveOnceAndThenUsesIt() throws Exception {
    Path jdk = javaHome("17.0.15");
    Path dir = tmp.resolve("cache");
    List<String> trainings = new ArrayList<>();
    List<String> options =
        StartupCache.options(
            dir,
            jdk,
            "broker",
            o -> {
              trainings.add(o);
              writeCache(o);
            });
    assertThat(trainings).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=" + dir);
    assertThat(options)
        .singleElement()
        .asString()
        .startsWith("-XX:SharedArchiveFile=" + dir)
        .endsWith(".jsa");
    Path cache = Path.of(options.get(0).substring(options.get(0).indexOf('=') + 1));
    assertThat(cache).isRegularFile().hasFileName("broker-" + StartupCache.key(jdk) + ".jsa");

    assertThat(
            StartupCache.options(
                dir,
                jdk,
                "broker",
                o -> {
                  throw new AssertionError("trained twice");
                }))
        .isEqualTo(options);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
    }
  }

  @Test
  void java25UsesAnAotCache() throws Exception {
    Path jdk = javaHome("25.0.1");
    List<String> options =
        StartupCache.options(
            tmp.resolve("cache"),
            jdk,
            "registry",
            o -> {
              assertThat(o).startsWith("-XX:AOTCacheOutput=");
              writeCache(o);
            });
    assertThat(options).singleElement().asString().startsWith("-XX:AOTCache=").endsWith(".aot");
  }

  @Test
  void aTrainingThatWritesNothingIsRememberedAndTheServerStartsWithoutACache() throws Exception {
    Path jdk = javaHome("21.0.5");
    Path dir = tmp.resolve("cache");
    assertThat(StartupCache.options(dir, jdk, "broker", o -> {})).isEmpty();
    assertThat(
            StartupCache.options(
                dir,
                jdk,
                "broker",
                o -> {
                  throw new AssertionError("retrained after a failure");
                }))
        .isEmpty();
  }

  @Test
  void aServerThatCannotStartFailsTheStartAndIsTriedAgainNextTime() throws Exception {
    Path jdk = javaHome("17");
    Path dir = tmp.resolve("cache");
    assertThatThrownBy(
            () ->
                StartupCache.options(
                    dir,
                    jdk,
                    "broker",
                    o -> {
                      throw new UnreachableException("broker did not start");
                    }))
        .isInstanceOf(UnreachableException.class);
    assertThat(StartupCache.options(dir, jdk, "broker", StartupCacheTest::writeCache)).hasSize(1);
  }

  @Test
  void oldJavaOrTheOptOutGetNoCache() throws Exception {
    assertThat(
            StartupCache.options(
                tmp.resolve("c"),
                javaHome("11.0.2"),
                "broker",
                o -> {
                  throw new AssertionError("no training on Java 11");
                }))
        .isEmpty();
    System.setProperty(StartupCache.DISABLE_PROPERTY, "true");
    try {
      assertThat(
              StartupCache.options(
                  tmp.resolve("c"),
                  javaHome("17"),
                  "broker",
                  o -> {
                    throw new AssertionError("no training when disabled");
                  }))
          .isEmpty();
    } finally {
      System.clearProperty(StartupCache.DISABLE_PROPERTY);
    }
  }
}
