package io.kraftport.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command: {@code kraftport <verb>}. Holds the global flags and wires the exit-code
 * mapping.
 */
@Command(
    name = "kraftport",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Moves topics and schemas from a ZooKeeper-mode Kafka cluster to a KRaft cluster, and proves parity before"
          + " cutover.",
    },
    subcommands = {
      ExportCommand.class,
      ImportCommand.class,
      DiffCommand.class,
      GateCommand.class,
      ClientsCommand.class,
      DemoCommand.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class,
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  ok / parity",
      "  1  differences or conflicts found",
      "  2  invalid usage or input (bad flag, unreadable or malformed file)",
      "  3  a cluster or registry is unreachable, refuses us, or authentication fails",
      "  4  internal error",
    })
public final class KraftportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "More detail: every step, skipped topics, client logs, stack traces.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Only errors and the final verdict line.")
  boolean quiet;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line with the process's stdout and stderr and returns the exit code. */
  public static int run(String... args) {
    return newCommandLine(
            new PrintWriter(System.out, true), new PrintWriter(System.err, true), args)
        .execute(args);
  }

  /**
   * Builds the command line with the given writers; all command output goes through them so tests
   * can capture it. {@code --verbose}, which decides logging and stack traces, is read from the
   * parsed command line (so {@code -qv} counts), before the command runs.
   */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String... args) {
    boolean[] verbose = {false};
    ExitCodes exitCodes = new ExitCodes(verbose);
    KraftportCommand root = new KraftportCommand();
    CommandLine cmd = new CommandLine(root);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(exitCodes);
    cmd.setParameterExceptionHandler(exitCodes);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionStrategy(
        parsed -> {
          verbose[0] = root.verbose;
          Logging.configure(verbose[0]);
          return executeGuarded(parsed);
        });
    return cmd;
  }

  /**
   * Runs the chosen command, turning an {@link Error} it throws (out of memory, a stack overflow)
   * into an internal failure, so it reaches {@link ExitCodes} and ends as one line and exit 4 like
   * every other failure. By the time it is caught the command's data is unreachable, so there is
   * memory again to print the line.
   */
  private static int executeGuarded(ParseResult parsed) {
    try {
      return new CommandLine.RunLast().execute(parsed);
    } catch (Error e) {
      List<CommandLine> chain = parsed.asCommandLineList();
      throw new CommandLine.ExecutionException(
          chain.get(chain.size() - 1), "failed", ExitCodes.fromError(e));
    }
  }
}
