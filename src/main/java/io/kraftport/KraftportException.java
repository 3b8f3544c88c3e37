package io.kraftport;

/**
 * The root of the failures kraftport reports to a user. Each subtype stands for one exit code; the command line maps
 * them in one place ({@code io.kraftport.cli.ExitCodes}). Messages are one readable line that says what failed and
 * where, and never carry a secret.
 */
public abstract class KraftportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected KraftportException(String message, Throwable cause) {
    super(message, cause);
  }

  protected KraftportException(String message) {
    super(message);
  }
}
