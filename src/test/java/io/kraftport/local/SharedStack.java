package io.kraftport.local;

/**
 * The one {@link LocalStack} of a test JVM, started by the first integration test that asks for it
 * and stopped when the JVM exits, so every integration test shares the same servers. Tests that
 * need an empty registry or cluster start one with {@link LocalStack#startRegistry()} or {@link
 * LocalStack#startKraftNode()} and close it themselves.
 */
public final class SharedStack {
  private static LocalStack stack;
  private static RuntimeException failure;

  private SharedStack() {}

  /**
   * The shared stack, started on first use; a start that failed once fails every later call the
   * same way.
   */
  public static synchronized LocalStack get() {
    if (failure != null) {
      throw new IllegalStateException(
          "the shared local stack failed to start: " + failure.getMessage(), failure);
    }
    if (stack == null) {
      try {
        stack = LocalStack.start(LocalStack.Options.defaults());
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
      LocalStack started = stack;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started::close, "kraftport-shared-stack-stop"));
    }
    return stack;
  }
}
