package io.kraftport.kafka;

import io.kraftport.InternalException;
import io.kraftport.InvalidInputException;
import io.kraftport.KraftportException;
import io.kraftport.UnreachableException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Turns what Kafka's Admin client throws into kraftport's failures, in one place: unreachable
 * clusters, timeouts and refused credentials become {@link UnreachableException} naming the side
 * and its bootstrap address.
 */
public final class KafkaErrors {
  private KafkaErrors() {}

  /**
   * Waits for a future and translates its failure; {@code what} says what was asked of which
   * cluster.
   */
  public static <T> T await(Future<T> future, ClusterEndpoint endpoint, String what) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw translate(e.getCause(), endpoint, what);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException(endpoint + ": interrupted while trying to " + what);
    }
  }

  /** The kraftport failure for a Kafka client exception. */
  public static KraftportException translate(
      Throwable cause, ClusterEndpoint endpoint, String what) {
    if (cause instanceof KraftportException k) {
      return k;
    }
    if (cause instanceof TimeoutException) {
      return new UnreachableException(
          endpoint
              + ": cannot "
              + what
              + ": no answer within "
              + endpoint.timeout().toSeconds()
              + " s (is the cluster up, and is the address and security protocol"
              + " right?)",
          cause);
    }
    if (cause instanceof AuthenticationException) {
      return new UnreachableException(
          endpoint + ": authentication failed: " + cause.getMessage(), cause);
    }
    if (cause instanceof AuthorizationException) {
      return new UnreachableException(
          endpoint + ": not authorized to " + what + ": " + cause.getMessage(), cause);
    }
    if (cause instanceof KafkaException) {
      return new UnreachableException(
          endpoint + ": cannot " + what + ": " + cause.getMessage(), cause);
    }
    if (cause instanceof InterruptedException) {
      return new UnreachableException(endpoint + ": interrupted while trying to " + what, cause);
    }
    // Not a Kafka failure at all (a NullPointerException, an IllegalStateException): a bug of ours,
    // never
    // "unreachable".
    return new InternalException(
        endpoint + ": internal error while trying to " + what + ": " + cause, cause);
  }

  /**
   * The failure for a client that cannot even be built from the given properties. Kafka wraps the
   * real reason (a JAAS line not terminated by a semicolon, an unknown security protocol) in
   * "Failed to create new KafkaAdminClient", so the line carries the root cause's message too.
   */
  public static KraftportException invalidClientConfig(ClusterEndpoint endpoint, KafkaException e) {
    String msg = e.getMessage();
    String root = rootMessage(e);
    if (root != null && (msg == null || !msg.contains(root))) {
      msg = msg == null ? root : msg + ": " + root;
    }
    if (msg != null && msg.contains("resolvable bootstrap")) {
      return new UnreachableException(endpoint + ": " + msg, e);
    }
    return new InvalidInputException(endpoint + ": invalid client settings: " + msg, e);
  }

  /** The message of the deepest cause that has one. */
  static String rootMessage(Throwable t) {
    String found = null;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        found = c.getMessage();
      }
    }
    return found;
  }
}
