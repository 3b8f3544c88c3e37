package io.kraftport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {
  @TempDir Path tmp;

  /** A directory that looks like a Java home: {@code bin/java} and a {@code release} file. */
  private Path javaHome(String name, String javaVersion) throws Exception {
    Path home = Files.createDirectories(tmp.resolve("jvm").resolve(name));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(
        home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
    return home;
  }

  @Test
  void readsTheFeatureVersionFromTheReleaseFile() throws Exception {
    assertThat(JavaRuntimes.featureVersion(javaHome("a", "25.0.1"))).hasValue(25);
    assertThat(JavaRuntimes.featureVersion(javaHome("b", "21"))).hasValue(21);
    assertThat(JavaRuntimes.featureVersion(javaHome("c", "1.8.0_402"))).hasValue(8);
    assertThat(JavaRuntimes.featureVersion(tmp.resolve("nothing"))).isEmpty();
    assertThat(JavaRuntimes.featureVersion(JavaRuntimes.current()))
        .hasValue(Runtime.version().feature());
  }

  @Test
  void picksTheNewestJava21OrLaterAmongTheCurrentJvmAndTheScannedOnes() throws Exception {
    Path current = javaHome("current-17", "17.0.15");
    javaHome("jdk-21", "21.0.5");
    Path newest = javaHome("jdk-25", "25.0.1");
    javaHome("jdk-11", "11.0.2");
    Files.createDirectories(tmp.resolve("jvm").resolve("not-a-jdk"));
    assertThat(JavaRuntimes.registryJavaHome(null, null, current, List.of(tmp.resolve("jvm"))))
        .isEqualTo(newest);
  }

  @Test
  void acceptsTheCurrentJvmWhenItIsNewEnough() throws Exception {
    Path current = javaHome("current-21", "21.0.1");
    assertThat(JavaRuntimes.registryJavaHome(null, null, current, List.of(tmp.resolve("empty"))))
        .isEqualTo(current);
  }

  @Test
  void anExplicitJavaHomeWinsAndMustBeJava21OrLater() throws Exception {
    Path current = javaHome("current-25", "25");
    Path j22 = javaHome("jdk-22", "22.0.2");
    Path j17 = javaHome("jdk-17", "17.0.9");
    assertThat(JavaRuntimes.registryJavaHome(j22.toString(), null, current, List.of()))
        .isEqualTo(j22);
    assertThat(JavaRuntimes.registryJavaHome(null, j22.toString(), current, List.of()))
        .isEqualTo(j22);
    assertThatThrownBy(
            () -> JavaRuntimes.registryJavaHome(j17.toString(), null, current, List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("KRAFTPORT_REGISTRY_JAVA_HOME")
        .hasMessageContaining("is Java 17");
    assertThatThrownBy(
            () ->
                JavaRuntimes.registryJavaHome(
                    null, tmp.resolve("nope").toString(), current, List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("kraftport.registry.java.home")
        .hasMessageContaining("is not a Java home");
  }

  @Test
  void noJava21AnywhereIsAnErrorThatNamesTheEnvironmentVariable() throws Exception {
    Path current = javaHome("current-17", "17.0.15");
    javaHome("jdk-11", "11.0.2");
    assertThatThrownBy(
            () -> JavaRuntimes.registryJavaHome(null, " ", current, List.of(tmp.resolve("jvm"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs Java 21 or newer")
        .hasMessageContaining("KRAFTPORT_REGISTRY_JAVA_HOME");
  }
}
