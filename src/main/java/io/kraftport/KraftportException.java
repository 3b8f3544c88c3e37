package io.kraftport;

/**
 * The root of the failures kraftport reports to a user. Each subtype declares its {@link Kind},
 * from which the command line takes the exit code in one place ({@code
 * io.kraftport.cli.ExitCodes}), so a new subtype cannot fall through to a wrong code. Messages are
 * one readable line that says what failed and where, and never carry a secret.
 */
public abstract class KraftportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure this is; each kind has one exit code. */
  public enum Kind {
    /** The user's input is wrong: a flag, a file, a schema. */
    INVALID_INPUT,
    /**
     * A cluster or registry cannot be used: unreachable, refused the request, or rejected our
     * credentials.
     */
    UNREACHABLE,
    /** A bug or an unexpected failure inside kraftport. */
    INTERNAL
  }

  protected KraftportException(String message, Throwable cause) {
    super(message, cause);
  }

  protected KraftportException(String message) {
    super(message);
  }

  /** The kind of this failure, which decides the exit code. */
  public abstract Kind kind();
}
