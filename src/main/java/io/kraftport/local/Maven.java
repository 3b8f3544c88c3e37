package io.kraftport.local;

import io.kraftport.InvalidInputException;
import io.kraftport.UnreachableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code mvn} executable of this machine, used to resolve the artifacts of a {@link
 * Distribution} from the repositories the user's Maven settings name. Running Maven (instead of
 * resolving in-process) keeps the user's mirrors, proxies and local repository in play and keeps
 * Maven's resolver out of kraftport's own classpath.
 */
final class Maven {
  /** Pinned so a run never depends on which plugin version the repository metadata calls latest. */
  static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.9.0";

  private final Path executable;

  Maven(Path executable) {
    this.executable = executable;
  }

  /** Finds {@code mvn} through {@code MAVEN_HOME}, {@code M2_HOME}, then {@code PATH}. */
  static Maven locate() {
    return locate(
        System.getenv(), System.getProperty("os.name", "").toLowerCase().startsWith("windows"));
  }

  static Maven locate(Map<String, String> env, boolean windows) {
    List<String> names = windows ? List.of("mvn.cmd", "mvn.bat", "mvn") : List.of("mvn");
    List<Path> candidates = new ArrayList<>();
    for (String var : List.of("MAVEN_HOME", "M2_HOME")) {
      String home = env.get(var);
      if (home != null && !home.isBlank()) {
        names.forEach(n -> candidates.add(Path.of(home, "bin", n)));
      }
    }
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isBlank()) {
        names.forEach(n -> candidates.add(Path.of(dir, n)));
      }
    }
    Optional<Path> found =
        candidates.stream()
            .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
            .findFirst();
    return new Maven(
        found.orElseThrow(
            () ->
                new InvalidInputException(
                    "Maven (mvn) is needed to download the local Kafka and registry servers, but was found neither in"
                        + " MAVEN_HOME, M2_HOME nor on the PATH")));
  }

  Path executable() {
    return executable;
  }

  /**
   * Runs Maven in batch mode in {@code workDir} with its output going to {@code log}; throws {@link
   * UnreachableException} with the end of the log when it fails, since a failed resolution almost
   * always means a repository could not be reached.
   */
  void run(Path workDir, Path log, Duration timeout, String what, List<String> args) {
    List<String> command =
        new ArrayList<>(List.of(executable.toString(), "-B", "-q", "-Dstyle.color=never"));
    command.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    try {
      Process process = pb.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new UnreachableException(
            "Maven did not finish resolving "
                + what
                + " within "
                + timeout.toSeconds()
                + " s"
                + LogTail.describe(log));
      }
      if (process.exitValue() != 0) {
        throw new UnreachableException(
            "Maven could not resolve "
                + what
                + " (exit "
                + process.exitValue()
                + ")"
                + LogTail.describe(log));
      }
    } catch (IOException e) {
      throw new UnreachableException("could not run " + executable + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted while resolving " + what, e);
    }
  }
}
