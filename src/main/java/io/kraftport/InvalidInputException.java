package io.kraftport;

/**
 * Input the user gave is wrong: a bad flag value, an unreadable or malformed file, a schema that
 * does not parse.
 */
public final class InvalidInputException extends KraftportException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.INVALID_INPUT;
  }
}
