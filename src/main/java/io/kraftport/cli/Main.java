package io.kraftport.cli;

/**
 * The entry point of {@code java -jar kraftport.jar}: runs the command line and exits with its
 * code.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(KraftportCommand.run(args));
  }
}
