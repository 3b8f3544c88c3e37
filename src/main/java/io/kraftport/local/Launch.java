package io.kraftport.local;

import io.kraftport.UnreachableException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start helpers shared by the servers: retrying a start whose port was taken, and cleaning up after
 * a failed one.
 */
final class Launch {
  private static final Logger LOG = LoggerFactory.getLogger(Launch.class);
  private static final int ATTEMPTS = 3;

  private Launch() {}

  /** A start failed because another process bound one of the chosen ports first. */
  static final class PortRaceLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortRaceLost(UnreachableException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * Runs {@code attempt} (which picks new free ports each time) up to three times while it loses
   * port races.
   */
  static <T> T withPortRetry(String name, Supplier<T> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (PortRaceLost e) {
        if (i == ATTEMPTS) {
          throw (UnreachableException) e.getCause();
        }
        LOG.info("{} lost a port to another process; retrying with new ports", name);
      }
    }
  }

  /**
   * Closes a process that failed to become ready and rethrows the failure, as {@link PortRaceLost}
   * when its log shows a failed bind.
   */
  static RuntimeException failed(ManagedProcess process, RuntimeException failure) {
    boolean race = process.lostPortRace();
    process.close();
    if (race && failure instanceof UnreachableException u) {
      return new PortRaceLost(u);
    }
    return failure;
  }
}
