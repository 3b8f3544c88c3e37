package io.kraftport.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code target/kraftport.jar} in its own JVM, as a user would, and captures what
 * it printed.
 */
final class JarRunner {
  static final Path JAR = Path.of("target", "kraftport.jar");

  private JarRunner() {}

  /** What one run printed and returned, and how long it took. */
  record Run(int code, String out, String err, long millis) {
    String all() {
      return out + err;
    }
  }

  static Run run(String... args) {
    return run(Map.of(), args);
  }

  /**
   * Starts the jar without waiting for it, its output going to files under {@code dir}: for tests
   * that stop it themselves (and must, with {@link Process#destroyForcibly()}).
   */
  static Process start(Map<String, String> env, Path dir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(dir.resolve("started-out.txt").toFile())
            .redirectError(dir.resolve("started-err.txt").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  static Run run(Map<String, String> env, String... args) {
    return run(env, List.of(), args);
  }

  /** A run with JVM options ({@code -Xmx64m}) before {@code -jar}. */
  static Run run(Map<String, String> env, List<String> jvmOptions, String... args) {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(
          JAR + " is missing: integration tests run after 'mvn package'");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("kraftport-out", ".txt");
      Path err = Files.createTempFile("kraftport-err", ".txt");
      try {
        ProcessBuilder pb =
            new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new IllegalStateException(
              "kraftport " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8),
            millis);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
