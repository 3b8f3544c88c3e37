package io.kraftport.schema;

/**
 * Turns a parser's exception into the one-line reason kraftport reports. Parsers put locations,
 * source excerpts and causes on further lines; a user needs the first line of the innermost useful
 * message.
 */
public final class Reasons {
  private static final int MAX_LENGTH = 300;

  private Reasons() {}

  /**
   * The first line of the exception's message, or of its cause's when it has none, or its class
   * name.
   */
  public static String of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        return firstLine(message);
      }
    }
    return e.getClass().getSimpleName();
  }

  static String firstLine(String message) {
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
  }
}
