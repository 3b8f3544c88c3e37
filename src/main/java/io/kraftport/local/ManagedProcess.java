package io.kraftport.local;

import io.kraftport.UnreachableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server JVM started by kraftport, with its output in a log file inside its own data directory.
 * {@link #close()} stops it (politely, then forcibly after {@link #STOP_GRACE}) and deletes the
 * data directory. A JVM shutdown hook closes every one still running, so a failed or aborted test
 * run leaves no server behind.
 */
public final class ManagedProcess implements AutoCloseable {
  /** How long a server gets to stop after SIGTERM before it is killed. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);
  private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

  /**
   * A readiness check, polled until it returns true; an exception counts as "not yet" and is kept
   * for the message.
   */
  @FunctionalInterface
  public interface Probe {
    boolean ready() throws Exception;
  }

  private final String name;
  private final Process process;
  private final Path dataDir;
  private final Path logFile;
  private volatile boolean stopLast;
  private boolean closed;

  private ManagedProcess(String name, Process process, Path dataDir, Path logFile) {
    this.name = name;
    this.process = process;
    this.dataDir = dataDir;
    this.logFile = logFile;
  }

  /**
   * Starts {@code command} in {@code dataDir} (which the process then owns and deletes on close),
   * with stdout and stderr in {@code dataDir/<name>.log}.
   */
  public static ManagedProcess start(String name, JvmCommand command, Path dataDir) {
    installHook();
    Path log = dataDir.resolve(name + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command.commandLine())
            .directory(dataDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      ManagedProcess managed = new ManagedProcess(name, pb.start(), dataDir, log);
      LIVE.add(managed);
      return managed;
    } catch (IOException e) {
      Dirs.deleteQuietly(dataDir);
      throw new UnreachableException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a tool JVM (such as Kafka's StorageTool) to completion with its output appended to {@code
   * log}; throws {@link UnreachableException} with the log's end when it fails or outlives {@code
   * timeout}.
   */
  public static void runToCompletion(
      String name, JvmCommand command, Path workDir, Path log, Duration timeout) {
    installHook();
    ProcessBuilder pb =
        new ProcessBuilder(command.commandLine())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new UnreachableException(
            name + " did not finish within " + timeout.toSeconds() + " s" + LogTail.describe(log));
      }
      if (p.exitValue() != 0) {
        throw new UnreachableException(
            name + " failed (exit " + p.exitValue() + ")" + LogTail.describe(log));
      }
    } catch (IOException e) {
      throw new UnreachableException("cannot run " + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted while running " + name, e);
    }
  }

  /**
   * Polls {@code probe} until it passes; throws {@link UnreachableException} with the log's end
   * when the process exits first or {@code timeout} passes. {@code what} says what is awaited, for
   * the message.
   */
  public void awaitReady(Duration timeout, String what, Probe probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      if (!process.isAlive()) {
        throw new UnreachableException(
            name
                + " exited with code "
                + process.exitValue()
                + " before "
                + what
                + LogTail.describe(logFile));
      }
      try {
        if (probe.ready()) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnreachableException("interrupted while waiting for " + name, e);
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new UnreachableException(
            name
                + " was not ready within "
                + timeout.toSeconds()
                + " s (waiting for "
                + what
                + (last == null ? "" : "; last error: " + last)
                + ")"
                + LogTail.describe(logFile),
            last);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnreachableException("interrupted while waiting for " + name, e);
      }
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Makes the shutdown hook stop this process only after the others, for a server others need in
   * order to stop cleanly (a ZooKeeper-mode broker's controlled shutdown hangs without its
   * ZooKeeper).
   */
  void stopLast() {
    stopLast = true;
  }

  /** Whether the log mentions a failed bind, which a retry with other ports cures. */
  boolean lostPortRace() {
    return LogTail.lines(logFile, 400).stream()
        .anyMatch(l -> l.contains("Address already in use") || l.contains("BindException"));
  }

  /** The resident memory of the process, where the OS tells ({@code /proc} on Linux). */
  public OptionalLong residentBytes() {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return OptionalLong.of(Long.parseLong(kb) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or the process is gone: no number to give.
    }
    return OptionalLong.empty();
  }

  /**
   * Stops the process (SIGTERM, then SIGKILL after {@link #STOP_GRACE}) and deletes its data
   * directory.
   */
  @Override
  public void close() {
    close(STOP_GRACE);
  }

  /** {@link #close()} with another grace period, for a process that has real work to do on exit. */
  void close(Duration grace) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    requestStop();
    awaitStop(System.nanoTime() + grace.toNanos(), grace);
    LIVE.remove(this);
    if (!Dirs.deleteQuietly(dataDir)) {
      LOG.warn("could not delete {} of {}", dataDir, name);
    }
  }

  private void requestStop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }

  private void awaitStop(long deadlineNanos, Duration grace) {
    try {
      long left = deadlineNanos - System.nanoTime();
      if (!process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
        LOG.warn("{} did not stop within {} s; killing it", name, grace.toSeconds());
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The processes started and not yet closed, for tests that check nothing is left behind. */
  static Set<ManagedProcess> live() {
    return Set.copyOf(LIVE);
  }

  private static void installHook() {
    if (HOOK_INSTALLED.compareAndSet(false, true)) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(ManagedProcess::closeAllLive, "kraftport-local-cleanup"));
    }
  }

  /**
   * Stops every live process: those others depend on last, the rest all at once so they shut down
   * in parallel (and the hook does not take ten seconds per server).
   */
  static void closeAllLive() {
    List<ManagedProcess> all = new ArrayList<>(LIVE);
    for (boolean last : new boolean[] {false, true}) {
      List<ManagedProcess> group = all.stream().filter(p -> p.stopLast == last).toList();
      group.forEach(ManagedProcess::requestStop);
      group.forEach(ManagedProcess::close);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
