package io.kraftport;

/**
 * Something inside kraftport went wrong that no input explains: a bug, or a failure of the runtime.
 * It is exit 4, never mistaken for an unreachable cluster or for drift.
 */
public final class InternalException extends KraftportException {
  private static final long serialVersionUID = 1L;

  public InternalException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.INTERNAL;
  }
}
