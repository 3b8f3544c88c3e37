package io.kraftport;

/**
 * A cluster or registry could not be used: it is unreachable, timed out, refused the request, or
 * rejected our credentials. The message names the endpoint (an address or URL, never a credential).
 */
public final class UnreachableException extends KraftportException {
  private static final long serialVersionUID = 1L;

  public UnreachableException(String message) {
    super(message);
  }

  public UnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Kind kind() {
    return Kind.UNREACHABLE;
  }
}
