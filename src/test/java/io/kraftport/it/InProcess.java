package io.kraftport.it;

import io.kraftport.cli.KraftportCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the kraftport command line in this JVM with captured output: the same commands, options and
 * exit codes as {@link JarRunner}, without a JVM start per command, for tests that run many of
 * them.
 */
final class InProcess {
  private InProcess() {}

  static JarRunner.Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int code =
        KraftportCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err), args)
            .execute(args);
    return new JarRunner.Run(
        code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
  }
}
