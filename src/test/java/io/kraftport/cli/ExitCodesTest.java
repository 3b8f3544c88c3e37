package io.kraftport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.InternalException;
import io.kraftport.InvalidInputException;
import io.kraftport.KraftportException;
import io.kraftport.UnreachableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodesTest {
  /** A command that throws what it is given, to see how the command line ends. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final Throwable toThrow;

    Boom(Throwable toThrow) {
      this.toThrow = toThrow;
    }

    @Override
    public Integer call() throws Exception {
      if (toThrow instanceof Error e) {
        throw e;
      }
      throw (Exception) toThrow;
    }
  }

  record Run(int code, String err) {}

  static Run run(Throwable toThrow, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd =
        KraftportCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err), args);
    cmd.addSubcommand("boom", new Boom(toThrow));
    cmd.setErr(
        new PrintWriter(err)); // reaches the subcommand added after the command line was built
    int code = cmd.execute(args);
    return new Run(code, err.toString());
  }

  @Test
  void everyKindHasItsCode() {
    assertThat(ExitCodes.codeFor(new InvalidInputException("x")))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(ExitCodes.codeFor(new UnreachableException("x"))).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(ExitCodes.codeFor(new InternalException("x", null))).isEqualTo(ExitCodes.INTERNAL);
    assertThat(ExitCodes.codeFor(new NullPointerException())).isEqualTo(ExitCodes.INTERNAL);
    // A new subtype declares its kind: it cannot fall through to another code.
    KraftportException custom =
        new KraftportException("x") {
          private static final long serialVersionUID = 1L;

          @Override
          public Kind kind() {
            return Kind.UNREACHABLE;
          }
        };
    assertThat(ExitCodes.codeFor(custom)).isEqualTo(ExitCodes.UNREACHABLE);
  }

  @Test
  void aProgrammingErrorIsExit4WithOneLineAndAHintNotAStackTrace() {
    Run r = run(new NullPointerException("value is null"), "boom");
    assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err().strip())
        .isEqualTo(
            "kraftport: error: internal error: java.lang.NullPointerException: value is"
                + " null (re-run with --verbose for the stack trace)");
  }

  @Test
  void outOfMemoryIsExit4WithOneLineSayingWhatToDo() {
    Run r = run(new OutOfMemoryError("Java heap space"), "boom");
    assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("kraftport: error: internal error: out of memory (Java heap space, heap limit ")
        .contains("-Xmx")
        .doesNotContain("\tat ");
  }

  @Test
  void verboseInACombinedShortFlagAddsTheStackTrace() {
    Run r = run(new IllegalStateException("bug"), "-qv", "boom");
    assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err())
        .startsWith("kraftport: error: internal error: java.lang.IllegalStateException: bug\n")
        .contains("\tat ");
  }

  @Test
  void anUnreachableSideIsExit3WithoutAStackTrace() {
    Run r = run(new UnreachableException("source cluster (b:9092): no answer"), "boom");
    assertThat(r.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(r.err().strip()).isEqualTo("kraftport: error: source cluster (b:9092): no answer");
  }

  @Test
  void durationsMustNotBeNegativeAndTimeoutsMustBePositive() {
    DurationConverter any = new DurationConverter();
    assertThat(any.convert("500ms").toMillis()).isEqualTo(500);
    assertThat(any.convert("0s").isZero()).isTrue();
    for (String bad : new String[] {"-500ms", "-1s", "-2m", "-3"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> any.convert(bad))
          .isInstanceOf(CommandLine.TypeConversionException.class)
          .hasMessageContaining("negative");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new DurationConverter.Positive().convert("0ms"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageContaining("more than zero");
    CommandLineTest.Run r =
        CommandLineTest.run(
            "diff", "--timeout", "-500ms", "--source-snapshot", "a", "--target-snapshot", "b");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("--timeout").contains("negative");
  }
}
