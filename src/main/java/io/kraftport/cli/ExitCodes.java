package io.kraftport.cli;

import io.kraftport.InternalException;
import io.kraftport.KraftportException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The exit codes every command returns, and the one place that turns exceptions into them. A
 * failure is printed as one line on stderr ({@code kraftport: error: ...}); the stack trace only
 * with {@code --verbose}.
 */
public final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** Parity, or the command did what it was asked. */
  public static final int OK = 0;

  /** Differences or conflicts were found (or the gate is closed). */
  public static final int DIFFERENCES = 1;

  /** Invalid usage or input: a bad flag, an unreadable or malformed file. */
  public static final int INVALID_INPUT = 2;

  /**
   * A cluster or registry is unreachable, refuses us (a registry error answer), or authentication
   * failed.
   */
  public static final int UNREACHABLE = 3;

  /** A bug or an unexpected failure inside kraftport. */
  public static final int INTERNAL = 4;

  private final boolean[] verbose;

  ExitCodes(boolean[] verbose) {
    this.verbose = verbose;
  }

  /**
   * The exit code for a failure: the kind a kraftport failure declares; anything else is a bug (4).
   */
  public static int codeFor(Throwable t) {
    if (t instanceof ParameterException) {
      return INVALID_INPUT;
    }
    if (t instanceof KraftportException k) {
      return switch (k.kind()) {
        case INVALID_INPUT -> INVALID_INPUT;
        case UNREACHABLE -> UNREACHABLE;
        case INTERNAL -> INTERNAL;
      };
    }
    return INTERNAL;
  }

  /**
   * The failure an {@link Error} that escaped a command stands for: running out of memory is a
   * resource failure with its remedy, anything else an internal error. Either way one line and exit
   * 4, never a raw stack trace.
   */
  static InternalException fromError(Error e) {
    if (e instanceof OutOfMemoryError) {
      long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      return new InternalException(
          "out of memory ("
              + e.getMessage()
              + ", heap limit "
              + mib
              + " MiB): give the JVM more, e.g. java -Xmx"
              + Math.max(2, 2 * mib / 1024 + 1)
              + "g -jar kraftport.jar ...",
          e);
    }
    return new InternalException(e.getClass().getName() + ": " + e.getMessage(), e);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    int code = codeFor(ex);
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    if (code == INTERNAL) {
      String what =
          ex instanceof KraftportException ? message : ex.getClass().getName() + ": " + message;
      message =
          "internal error: "
              + what
              + (verbose[0] ? "" : " (re-run with --verbose for the stack trace)");
    }
    err.println(cmd.getColorScheme().errorText("kraftport: error: " + oneLine(message)));
    if (verbose[0]) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("kraftport: error: " + oneLine(ex.getMessage())));
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return INVALID_INPUT;
  }

  static String oneLine(String s) {
    return s.replace("\r", " ").replace('\n', ' ').strip();
  }
}
