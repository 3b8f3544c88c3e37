package io.kraftport.cli;

import io.kraftport.Progress;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command writes: results to stdout, progress and warnings to stderr, through the command
 * line's writers so tests capture them. {@code --quiet} keeps only results marked as essential.
 */
final class Console {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean verbose;

  Console(CommandSpec spec) {
    KraftportCommand root = (KraftportCommand) spec.root().userObject();
    this.out = spec.commandLine().getOut();
    this.err = spec.commandLine().getErr();
    this.quiet = root.quiet;
    this.verbose = root.verbose;
  }

  /**
   * Progress for the core's long steps: each step's line on stderr, then its counts (a live bar on
   * a terminal, a line per finished count otherwise; a fresh bar for each step), and warnings; only
   * the warnings when quiet.
   */
  Progress progress() {
    return new Progress() {
      private Progress counts = Progress.NONE;

      @Override
      public void step(String description) {
        progress(description);
        counts =
            quiet ? Progress.NONE : new ProgressPrinter(err, ProgressPrinter.stderrIsTerminal());
      }

      @Override
      public void advance(String what, long done, long total) {
        counts.advance(what, done, total);
      }

      @Override
      public void warn(String message) {
        Console.this.warn(message);
      }
    };
  }

  boolean isQuiet() {
    return quiet;
  }

  boolean verbose() {
    return verbose;
  }

  /** A result: printed unless {@code --quiet}. */
  void print(String text) {
    if (!quiet) {
      out.print(text);
      out.flush();
    }
  }

  /** The one line that matters (a verdict): printed even with {@code --quiet}. */
  void essential(String line) {
    out.println(line);
    out.flush();
  }

  /** Progress, on stderr. */
  void progress(String line) {
    if (!quiet) {
      err.println(line);
      err.flush();
    }
  }

  void warn(String line) {
    err.println("kraftport: warning: " + line);
    err.flush();
  }
}
