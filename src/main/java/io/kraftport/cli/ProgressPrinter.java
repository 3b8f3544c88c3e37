package io.kraftport.cli;

import io.kraftport.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows progress on stderr: a bar redrawn in place with counts and rate when stderr is a terminal,
 * otherwise one plain line when a step finishes (so CI logs stay readable).
 */
final class ProgressPrinter implements Progress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private String current;

  ProgressPrinter(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** Whether this process's stderr is a terminal (Linux: what fd 2 points to). */
  static boolean stderrIsTerminal() {
    if (System.console() == null || System.getenv("CI") != null) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public synchronized void advance(String what, long done, long total) {
    double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
    long rate = Math.round(done / seconds);
    if (terminal) {
      int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, WIDTH * done / total);
      err.print(
          "\r["
              + "=".repeat(filled)
              + " ".repeat(WIDTH - filled)
              + "] "
              + done
              + "/"
              + total
              + " "
              + what
              + "  "
              + rate
              + "/s   ");
      if (done >= total) {
        err.println();
      }
      err.flush();
    } else if (done >= total && !what.equals(current)) {
      current = what;
      err.println(done + "/" + total + " " + what + " (" + rate + "/s)");
      err.flush();
    }
  }
}
