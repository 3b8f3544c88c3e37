package io.kraftport.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: {@code kraftport <verb>}. Holds the global flags and wires the exit-code mapping. */
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

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "More detail: every step, skipped topics, client logs, stack traces.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
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
   * Builds the command line with the given writers; all command output goes through them so tests can capture it.
   * {@code args} are looked at only for {@code --verbose}, which decides logging and stack traces.
   */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String... args) {
    boolean[] verbose = {Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v")};
    Logging.configure(verbose[0]);
    ExitCodes exitCodes = new ExitCodes(verbose);
    CommandLine cmd = new CommandLine(new KraftportCommand());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(exitCodes);
    cmd.setParameterExceptionHandler(exitCodes);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }
}
