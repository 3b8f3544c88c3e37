package io.kraftport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.UnreachableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManagedProcessTest {
  private static JvmCommand fake(String... args) throws Exception {
    Path classes =
        Path.of(FakeServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return JvmCommand.mainClass(
            JavaRuntimes.current(), classes.toString(), FakeServer.class.getName())
        .withOptions("-Xmx32m", "-XX:TieredStopAtLevel=1")
        .withArguments(args);
  }

  @Test
  void closeStopsTheServerFreesItsPortAndDeletesItsDataDir() throws Exception {
    int port = FreePorts.next();
    ManagedProcess process =
        ManagedProcess.start(
            "fake", fake("serve", Integer.toString(port)), Dirs.newDataDir("fake"));
    try {
      // The fake binds its socket before it prints, so an open port alone does not mean the line is
      // written yet:
      // wait for both, the way the real servers' probes wait for what their callers use.
      String line = "listening on " + port;
      process.awaitReady(
          Duration.ofSeconds(30),
          "port " + port + " and the log line",
          () -> FreePorts.isOpen(port) && Files.readString(process.logFile()).contains(line));
      assertThat(process.isAlive()).isTrue();
      assertThat(process.logFile()).startsWith(process.dataDir());
      assertThat(Files.readString(process.logFile())).contains(line);
      if (Files.isDirectory(Path.of("/proc/self"))) {
        assertThat(process.residentBytes()).isPresent();
      }
    } finally {
      process.close();
    }
    assertThat(process.isAlive()).isFalse();
    assertThat(process.dataDir()).doesNotExist();
    assertThat(FreePorts.isBindable(port)).isTrue();
    process.close(); // idempotent
  }

  @Test
  void aProcessThatExitsFailsTheWaitWithItsExitCodeAndLogTail() throws Exception {
    ManagedProcess process = ManagedProcess.start("fake", fake("fail"), Dirs.newDataDir("fake"));
    try {
      assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(30), "never", () -> false))
          .isInstanceOf(UnreachableException.class)
          .hasMessageContaining("fake exited with code 3 before never")
          .hasMessageContaining("Address already in use");
      assertThat(process.lostPortRace()).isTrue();
    } finally {
      process.close();
    }
  }

  @Test
  void aProcessThatNeverGetsReadyFailsAtTheDeadlineWithTheLastProbeError() throws Exception {
    ManagedProcess process = ManagedProcess.start("fake", fake("sleep"), Dirs.newDataDir("fake"));
    try {
      assertThatThrownBy(
              () ->
                  process.awaitReady(
                      Duration.ofMillis(300),
                      "a miracle",
                      () -> {
                        throw new IllegalStateException("not yet");
                      }))
          .isInstanceOf(UnreachableException.class)
          .hasMessageContaining("fake was not ready within")
          .hasMessageContaining(
              "waiting for a miracle; last error: java.lang.IllegalStateException: not yet");
      assertThat(process.lostPortRace()).isFalse();
    } finally {
      process.close();
    }
  }

  @Test
  void aFailingToolRunReportsItsExitCodeAndOutput() throws Exception {
    Path dir = Dirs.newDataDir("tool");
    try {
      assertThatThrownBy(
              () ->
                  ManagedProcess.runToCompletion(
                      "the tool",
                      fake("fail"),
                      dir,
                      dir.resolve("tool.log"),
                      Duration.ofSeconds(30)))
          .isInstanceOf(UnreachableException.class)
          .hasMessageContaining("the tool failed (exit 3)")
          .hasMessageContaining("starting");
    } finally {
      Dirs.deleteRecursively(dir);
    }
  }

  @Test
  void portRaceRetriesStartWithNewPortsAndGivesUpAfterThreeAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        Launch.withPortRetry(
            "x",
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new Launch.PortRaceLost(new UnreachableException("port taken"));
              }
              return "started";
            });
    assertThat(result).isEqualTo("started");
    assertThat(attempts).hasValue(3);

    attempts.set(0);
    assertThatThrownBy(
            () ->
                Launch.withPortRetry(
                    "x",
                    () -> {
                      attempts.incrementAndGet();
                      throw new Launch.PortRaceLost(new UnreachableException("port taken"));
                    }))
        .isInstanceOf(UnreachableException.class)
        .hasMessage("port taken");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void commandLinePutsOptionsBeforeWhatItLaunchesAndArgumentsLast() {
    JvmCommand command =
        JvmCommand.jar(Path.of("/jdk"), Path.of("/app/run.jar"))
            .withOptions("-Xmx1m")
            .withArguments("a", "b")
            .withOptions("-Dx=y");
    assertThat(command.commandLine())
        .containsExactly(
            JavaRuntimes.javaExecutable(Path.of("/jdk")).toString(),
            "-Xmx1m",
            "-Dx=y",
            "-jar",
            "/app/run.jar",
            "a",
            "b");
  }
}
